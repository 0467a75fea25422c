// Word lists that decide what kind of name a capitalised sequence is. No NER model is available, so
// the classifier leans on the words news copy puts next to names: titles before people, head nouns
// inside organisation names, and common given names.

/** Common given names across cultures; a capitalised sequence starting with one is a person. */
export const GIVEN_NAMES: ReadonlySet<string> = new Set([
  // English
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
  'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua',
  'Kenneth', 'Kevin', 'Brian', 'George', 'Edward', 'Ronald', 'Timothy', 'Jason', 'Jeffrey', 'Ryan', 'Jacob',
  'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin',
  'Samuel', 'Gregory', 'Frank', 'Alexander', 'Patrick', 'Jack', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Henry',
  'Peter', 'Adam', 'Nathan', 'Harry', 'Simon', 'Tony', 'Tom', 'Bill', 'Bob', 'Jim', 'Joe', 'Mike', 'Steve',
  'Barack', 'Hillary', 'Boris', 'Theresa', 'Gordon', 'Nick', 'Rishi', 'Keir', 'Kamala',
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Nancy', 'Lisa', 'Betty', 'Margaret', 'Sandra', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle',
  'Dorothy', 'Carol', 'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Laura', 'Sharon', 'Cynthia',
  'Kathleen', 'Amy', 'Angela', 'Anna', 'Emma', 'Helen', 'Rachel', 'Catherine', 'Claire', 'Grace', 'Julia',
  'Alice', 'Hannah', 'Lucy', 'Sophie', 'Charlotte', 'Victoria', 'Diana', 'Jane', 'Ruth', 'Rose', 'Kate',
  // French, German, Dutch, Nordic
  'Jean', 'Pierre', 'Jacques', 'Michel', 'Philippe', 'Francois', 'François', 'Emmanuel', 'Nicolas', 'Marie',
  'Camille', 'Louis', 'Claude', 'Marine', 'Hans', 'Klaus', 'Jürgen', 'Wolfgang', 'Stefan',
  'Olaf', 'Friedrich', 'Karl', 'Heinz', 'Ursula', 'Johan', 'Jan', 'Pieter', 'Lars', 'Sven',
  'Erik', 'Anders', 'Nils', 'Ingrid', 'Astrid', 'Greta', 'Mette', 'Jens',
  // Spanish, Portuguese, Italian
  'José', 'Jose', 'Juan', 'Carlos', 'Luis', 'Jorge', 'Miguel', 'Pedro', 'Manuel', 'Antonio', 'Francisco',
  'Javier', 'Diego', 'Pablo', 'Fernando', 'Alejandro', 'Ricardo', 'Rafael', 'Andrés', 'Andres', 'Hugo',
  'Nicolás', 'Evo', 'Lula', 'Jair', 'Maria', 'María', 'Ana', 'Carmen', 'Lucia', 'Isabel', 'Elena',
  'Sofia', 'Gabriela', 'Dilma', 'Cristina', 'Giuseppe', 'Giovanni', 'Marco', 'Matteo', 'Luca', 'Mario',
  'Silvio', 'Sergio', 'Giorgia', 'Paolo', 'Francesca', 'Alessandro',
  // Slavic, Baltic, Greek, Hungarian
  'Vladimir', 'Dmitry', 'Sergei', 'Sergey', 'Alexei', 'Alexey', 'Ivan', 'Mikhail', 'Nikolai', 'Andrei',
  'Yuri', 'Viktor', 'Volodymyr', 'Petro', 'Oleksandr', 'Olena', 'Yulia', 'Natalia', 'Olga', 'Irina',
  'Svetlana', 'Tatiana', 'Anastasia', 'Ekaterina', 'Igor', 'Oleg', 'Pavel', 'Tomas', 'Tomáš', 'Jiri',
  'Milan', 'Piotr', 'Andrzej', 'Lech', 'Aleksandar', 'Dragan', 'Goran', 'Zoran', 'Nikos',
  'Alexis', 'Kyriakos', 'Dimitris', 'Janos', 'László', 'Laszlo',
  // Arabic, Persian, Turkish, Kurdish
  'Mohammed', 'Mohamed', 'Muhammad', 'Mohammad', 'Ahmed', 'Ahmad', 'Ali', 'Hassan', 'Hussein', 'Omar',
  'Khalid', 'Khaled', 'Abdullah', 'Abdul', 'Ibrahim', 'Youssef', 'Yousef', 'Mustafa', 'Mahmoud', 'Hamid',
  'Hamad', 'Salman', 'Faisal', 'Tariq', 'Walid', 'Nabil', 'Karim', 'Rami', 'Bashar', 'Hafez', 'Hosni',
  'Anwar', 'Gamal', 'Moammar', 'Muammar', 'Saif', 'Abu', 'Fatima', 'Aisha', 'Layla', 'Leila', 'Mariam',
  'Maryam', 'Nour', 'Noor', 'Zainab', 'Amina', 'Rania', 'Samira', 'Yasmin', 'Hana', 'Reza',
  'Javad', 'Ebrahim', 'Ayatollah', 'Recep', 'Ahmet', 'Mehmet', 'Mevlut', 'Kemal', 'Selahattin',
  'Masoud', 'Mazloum', 'Nechirvan', 'Jalal',
  // South and East Asian
  'Narendra', 'Rahul', 'Sonia', 'Manmohan', 'Imran', 'Nawaz', 'Benazir', 'Shehbaz', 'Asif', 'Sheikh',
  'Raj', 'Amit', 'Sunil', 'Anil', 'Priya', 'Sanjay', 'Vijay', 'Ravi', 'Arjun', 'Deepak', 'Mahinda', 'Gotabaya',
  'Xi', 'Li', 'Wang', 'Zhang', 'Liu', 'Chen', 'Hu', 'Wen', 'Jiang', 'Deng', 'Mao', 'Shinzo', 'Yoshihide',
  'Fumio', 'Naoto', 'Hiroshi', 'Takeshi', 'Yuki', 'Kenji', 'Moon', 'Kim', 'Park', 'Lee', 'Yoon', 'Jae-in',
  'Rodrigo', 'Ferdinand', 'Joko', 'Aung', 'Thaksin', 'Yingluck', 'Hun', 'Nguyen',
  // African
  'Nelson', 'Cyril', 'Thabo', 'Kofi', 'Kwame', 'Uhuru', 'Raila', 'Muhammadu',
  'Goodluck', 'Olusegun', 'Bola', 'Yoweri', 'Abiy', 'Salva', 'Riek', 'Emmerson',
  'Ellen', 'Amadou', 'Moussa', 'Mamadou', 'Fatou', 'Aminata', 'Ngozi', 'Chinua',
  'Wangari', 'Jomo', 'Julius',
]);

/**
 * Words that come before a person's name and are not part of it: "President Anna Kovac",
 * "Labour Minister Tomas Brell", "spokesman Ali Haddad".
 */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Sir', 'Dame', 'Lord', 'Lady',
  'President', 'Vice', 'Premier', 'Prime', 'Minister', 'Chancellor', 'Secretary', 'Governor', 'Gov.',
  'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Mayor', 'Judge',
  'Justice', 'King', 'Queen', 'Prince', 'Princess', 'Sheikh', 'Emir', 'Pope', 'Father', 'Rev.', 'Bishop',
  'Archbishop', 'Cardinal', 'Imam', 'Rabbi', 'General', 'Gen.', 'Lt.', 'Col.', 'Colonel', 'Major', 'Maj.',
  'Captain', 'Capt.', 'Sgt.', 'Sergeant', 'Lieutenant', 'Commander', 'Cmdr.', 'Admiral', 'Adm.',
  'Marshal', 'Brig.', 'Inspector', 'Detective', 'Officer', 'Chief', 'Commissioner', 'Director',
  'Ambassador', 'Envoy', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Chairman', 'Chairwoman',
  'Deputy', 'Foreign', 'Defence', 'Defense', 'Interior', 'Finance', 'Health', 'Labour', 'Labor',
  'Energy', 'Trade', 'Transport', 'Economy', 'Education', 'Agriculture', 'Home', 'State',
  'Speaker', 'Leader', 'Opposition', 'Acting', 'Former', 'Candidate', 'Coach', 'CEO', 'Executive',
]);

/** Lowercase role words right before a name that mark it as a person: "spokesman Ali Haddad". */
export const LOWERCASE_PERSON_CUES: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'leader', 'mayor', 'governor',
  'chief', 'executive', 'director', 'commander', 'envoy', 'ambassador', 'judge', 'lawyer', 'attorney', 'prosecutor',
  'official', 'analyst', 'researcher', 'professor', 'economist', 'senator', 'said', 'says', 'told',
  'candidate', 'chairman', 'chairwoman', 'secretary', 'colonel', 'general', 'dr', 'mr', 'mrs', 'ms',
  'rebel', 'activist', 'resident', 'witness', 'father', 'mother', 'son', 'daughter', 'wife', 'husband',
]);

/** Head words of organisation names: "Harbour Workers' Union", "Ministry of Health", "Acme Inc." */
export const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  'Union', 'Authority', 'Authorities', 'Ministry', 'Council', 'Party', 'Army', 'Forces', 'Force', 'Inc.',
  'Inc', 'Corp.', 'Corp', 'Corporation', 'Ltd', 'Ltd.', 'Co.', 'Company', 'Group', 'Bank', 'Agency',
  'Committee', 'Commission', 'Court', 'Police', 'University', 'College', 'School', 'Institute',
  'Organization', 'Organisation', 'Association', 'Federation', 'Front', 'Movement', 'Brigade', 'Brigades',
  'Department', 'Office', 'Service', 'Services', 'Airlines', 'Airways', 'News', 'Times', 'Post', 'Journal',
  'Guard', 'Navy', 'Parliament', 'Assembly', 'Congress', 'Senate', 'Cabinet', 'Government', 'Foundation',
  'Fund', 'Trust', 'Society', 'Alliance', 'Coalition', 'League', 'Club', 'Hospital', 'Board', 'Bureau',
  'Industries', 'Holdings', 'Partners', 'Network', 'Press', 'Television', 'Radio', 'Crescent',
  'Cross', 'Exchange', 'Reserve', 'Unit', 'Battalion', 'Militia',
  'Secretariat', 'Tribunal', 'Mission', 'Programme', 'Program', 'Centre', 'Center',
  'Church', 'Fleet', 'Directorate', 'Command', 'Regiment', 'Corps', 'Rangers', 'Division', 'Chemicals',
  'Motors', 'Energy', 'Oil', 'Petroleum', 'Fuels', 'Ferries', 'Shipping', 'Logistics', 'Mining', 'Steel', 'Pharmaceuticals', 'Systems', 'Technologies', 'Capital', 'Media',
  'Foods', 'Construction', 'Insurance', 'Telecom', 'Investments', 'Administration',
]);

/** Organisations usually written by a short name or acronym. */
export const KNOWN_ORGANIZATIONS: ReadonlySet<string> = new Set([
  'UN', 'U.N.', 'United Nations', 'NATO', 'EU', 'European Union', 'AU', 'African Union', 'ASEAN', 'OPEC',
  'WHO', 'IMF', 'World Bank', 'WTO', 'UNICEF', 'UNHCR', 'UNESCO', 'ICRC', 'IAEA', 'OSCE', 'G7', 'G20',
  'Reuters', 'AP', 'AFP', 'BBC', 'CNN', 'Al Jazeera', 'Xinhua', 'Bloomberg', 'Interfax', 'TASS', 'Tass',
  'Fox', 'NBC', 'CBS', 'ABC', 'NPR', 'Guardian', 'FBI', 'CIA', 'NSA', 'Pentagon', 'Kremlin', 'Congress',
  'Senate', 'Hamas', 'Hezbollah', 'Taliban', 'ISIS', 'ISIL', 'IS', 'al-Qaeda', 'al-Qaida', 'Al-Qaeda',
  'SDF', 'YPG', 'PKK', 'BP', 'Halliburton', 'Transocean', 'Google', 'Apple', 'Microsoft',
  'Facebook', 'Twitter', 'Toyota', 'Boeing', 'Airbus', 'Shell', 'Exxon', 'ExxonMobil', 'Chevron',
  'Gazprom', 'Goldman Sachs', 'Lehman Brothers', 'Fed', 'Interpol', 'Europol', 'Greenpeace',
  'Amnesty International', 'Human Rights Watch', 'MSF', 'Oxfam', 'Red Cross', 'Red Crescent', 'Labour',
  'Conservatives', 'Democrats', 'Republicans', 'White House', 'Downing Street', 'Supreme Court',
]);
