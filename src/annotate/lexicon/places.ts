// A compact gazetteer: countries, regions and the world's most reported cities, by the names news
// copy uses. Enough to tell "Jordan" the country from a surname when nothing else in the sentence
// decides it; unknown places are still found through cues ("in X", datelines, "X Province").

const COUNTRIES = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria',
  'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin',
  'Bhutan', 'Bolivia', 'Bosnia', 'Herzegovina', 'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei',
  'Bulgaria', 'Burkina Faso', 'Burma', 'Burundi', 'Cambodia', 'Cameroon', 'Canada', 'Cape Verde',
  'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo', 'Costa Rica',
  "Cote d'Ivoire", 'Ivory Coast', 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Czechia', 'Denmark',
  'Djibouti', 'Dominica', 'Dominican Republic', 'East Timor', 'Ecuador', 'Egypt', 'El Salvador',
  'Equatorial Guinea', 'Eritrea', 'Estonia', 'Eswatini', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon',
  'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada', 'Guatemala', 'Guinea', 'Guinea-Bissau',
  'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland',
  'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Kosovo', 'Kuwait',
  'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lithuania',
  'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta', 'Mauritania', 'Mauritius',
  'Mexico', 'Micronesia', 'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar',
  'Namibia', 'Nauru', 'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Korea',
  'North Macedonia', 'Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palau', 'Palestine', 'Panama',
  'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar', 'Romania', 'Russia',
  'Rwanda', 'Samoa', 'San Marino', 'Saudi Arabia', 'Senegal', 'Serbia', 'Seychelles', 'Sierra Leone',
  'Singapore', 'Slovakia', 'Slovenia', 'Somalia', 'South Africa', 'South Korea', 'South Sudan', 'Spain',
  'Sri Lanka', 'Sudan', 'Suriname', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania',
  'Thailand', 'Togo', 'Tonga', 'Trinidad', 'Tobago', 'Tunisia', 'Turkey', 'Turkmenistan', 'Tuvalu', 'Uganda',
  'Ukraine', 'United Arab Emirates', 'UAE', 'United Kingdom', 'UK', 'Britain', 'Great Britain', 'England',
  'Scotland', 'Wales', 'Northern Ireland', 'United States', 'United States of America', 'US', 'U.S.', 'USA',
  'America', 'Uruguay', 'Uzbekistan', 'Vanuatu', 'Vatican', 'Venezuela', 'Vietnam', 'Yemen', 'Zambia',
  'Zimbabwe',
];

const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Antarctica', 'Oceania',
  'Middle East', 'Gulf', 'Persian Gulf', 'Balkans', 'Caucasus', 'Caribbean', 'Mediterranean', 'Sahara',
  'Sahel', 'Scandinavia', 'Siberia', 'Gaza', 'Gaza Strip', 'West Bank', 'Golan Heights', 'Kashmir',
  'Kurdistan', 'Darfur', 'Crimea', 'Donbas', 'Tibet', 'Xinjiang', 'Chechnya', 'Sinai', 'Punjab',
  'Atlantic', 'Pacific', 'Indian Ocean', 'Arctic', 'Black Sea', 'Red Sea', 'Baltic', 'North Sea',
  'Gulf of Mexico', 'South China Sea', 'Euphrates', 'Tigris', 'Nile', 'Amazon', 'Alps', 'Himalayas',
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming', 'Washington State', 'Capitol Hill',
  'Idlib', 'Aleppo', 'Homs', 'Raqqa', 'Deir ez-Zor', 'Anbar', 'Helmand', 'Kandahar', 'Ontario', 'Quebec',
  'Bavaria', 'Catalonia', 'Lombardy', 'Sichuan', 'Hubei', 'Guangdong',
];

const CITIES = [
  'London', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Lisbon', 'Dublin', 'Brussels', 'Amsterdam', 'The Hague',
  'Vienna', 'Prague', 'Warsaw', 'Budapest', 'Bucharest', 'Sofia', 'Athens', 'Belgrade', 'Zagreb', 'Sarajevo',
  'Kyiv', 'Kiev', 'Moscow', 'St. Petersburg', 'Minsk', 'Tbilisi', 'Yerevan', 'Baku', 'Ankara', 'Istanbul',
  'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Reykjavik', 'Geneva', 'Zurich', 'Bern', 'Munich',
  'Frankfurt', 'Hamburg', 'Milan', 'Naples', 'Barcelona', 'Marseille', 'Lyon', 'Manchester', 'Birmingham',
  'Glasgow', 'Edinburgh', 'Belfast', 'Cardiff', 'Washington', 'New York City', 'Los Angeles', 'Chicago',
  'Houston', 'Dallas', 'Miami', 'Atlanta', 'Boston', 'Philadelphia', 'San Francisco', 'Seattle', 'Denver',
  'Detroit', 'New Orleans', 'Las Vegas', 'Phoenix', 'Baltimore', 'Toronto', 'Montreal', 'Vancouver',
  'Ottawa', 'Mexico City', 'Havana', 'Caracas', 'Bogota', 'Lima', 'Quito', 'Santiago', 'Buenos Aires',
  'Montevideo', 'Sao Paulo', 'Rio de Janeiro', 'Brasilia', 'La Paz', 'Port-au-Prince', 'Kingston',
  'Cairo', 'Alexandria', 'Tripoli', 'Benghazi', 'Misrata', 'Tunis', 'Algiers', 'Rabat', 'Casablanca',
  'Khartoum', 'Addis Ababa', 'Nairobi', 'Mogadishu', 'Kampala', 'Kigali', 'Kinshasa', 'Lagos', 'Abuja',
  'Accra', 'Dakar', 'Bamako', 'Johannesburg', 'Cape Town', 'Pretoria', 'Harare', 'Luanda', 'Juba',
  'Baghdad', 'Basra', 'Mosul', 'Kirkuk', 'Erbil', 'Fallujah', 'Ramadi', 'Tikrit', 'Damascus', 'Beirut',
  'Amman', 'Jerusalem', 'Tel Aviv', 'Ramallah', 'Riyadh', 'Jeddah', 'Mecca', 'Doha', 'Dubai', 'Abu Dhabi',
  'Muscat', 'Manama', 'Kuwait City', 'Sanaa', 'Aden', 'Tehran', 'Kabul', 'Islamabad', 'Karachi', 'Lahore',
  'Peshawar', 'New Delhi', 'Delhi', 'Mumbai', 'Kolkata', 'Chennai', 'Bangalore', 'Dhaka', 'Kathmandu',
  'Colombo', 'Beijing', 'Shanghai', 'Hong Kong', 'Wuhan', 'Guangzhou', 'Shenzhen', 'Taipei', 'Tokyo',
  'Osaka', 'Fukushima', 'Seoul', 'Pyongyang', 'Bangkok', 'Hanoi', 'Ho Chi Minh City', 'Manila',
  'Jakarta', 'Kuala Lumpur', 'Yangon', 'Phnom Penh', 'Sydney', 'Melbourne', 'Canberra', 'Auckland',
  'Wellington', 'Tashkent', 'Almaty', 'Astana', 'Baghouz', 'Hama', 'Daraa', 'Latakia',
];

/** Place names, exactly as written (case matters: "US" the country, not "us"). */
export const PLACE_NAMES: ReadonlySet<string> = new Set([...COUNTRIES, ...REGIONS, ...CITIES]);
