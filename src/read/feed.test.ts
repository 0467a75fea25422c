import { describe, expect, it } from 'vitest';
import { looksLikeFeed, readFeed } from './feed.js';

const RSS_FILE = '/feeds/isle-radio/latest.rss';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Isle Radio</title>
    <link>https://isle.example/</link>
    <item>
      <title>Ferry aground</title>
      <link>https://isle.example/ferry</link>
      <guid isPermaLink="false">isle-001</guid>
      <pubDate>Tue, 05 Mar 2019 22:10:00 GMT</pubDate>
      <description>&lt;p&gt;The night ferry ran aground.&lt;/p&gt;&lt;p&gt;No one was hurt.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Undated item</title>
      <description>Text without a day.</description>
    </item>
    <item>
      <title>Tugs free the ferry</title>
      <pubDate>Wed, 06 Mar 2019 07:00:00 GMT</pubDate>
      <description>Short summary.</description>
      <content:encoded><![CDATA[<p>Two tugs towed the ferry<br>back to the quay.</p><script>track()</script><p>Crossings resume on Friday.</p>]]></content:encoded>
    </item>
    <item>
      <title>Empty</title>
      <pubDate>Wed, 06 Mar 2019 09:00:00 GMT</pubDate>
      <description>   </description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Quay Post</title>
  <entry>
    <title type="html">Harbour dues &amp;amp; fees rise</title>
    <id>tag:quay.example,2019:dues</id>
    <link rel="edit" href="https://quay.example/edit/dues"/>
    <link rel="alternate" href="https://quay.example/dues"/>
    <published>2019-03-04T09:00:00+01:00</published>
    <updated>2019-03-09T09:00:00+01:00</updated>
    <content type="html">&lt;p&gt;Harbour dues rise by a tenth in April.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summary only</title>
    <id>tag:quay.example,2019:summary</id>
    <updated>2019-03-10</updated>
    <summary>The council meets on Monday.</summary>
  </entry>
</feed>`;

describe('readFeed', () => {
  it('reads one article per RSS item and reports bad items by number', () => {
    const result = readFeed(RSS, RSS_FILE, {});
    expect(result.articles).toEqual([
      {
        id: 'isle-001',
        source: 'Isle Radio',
        publishedOn: '2019-03-05',
        title: 'Ferry aground',
        url: 'https://isle.example/ferry',
        text: 'The night ferry ran aground.\n\nNo one was hurt.',
        origin: { file: RSS_FILE },
      },
      expect.objectContaining({
        source: 'Isle Radio',
        publishedOn: '2019-03-06',
        title: 'Tugs free the ferry',
        text: 'Two tugs towed the ferry\nback to the quay.\n\nCrossings resume on Friday.',
      }),
    ]);
    expect(result.skipped).toEqual([
      { file: RSS_FILE, reason: 'item 2: no publication date (pubDate, dc:date, published or updated)' },
      { file: RSS_FILE, reason: 'item 4: no text (content:encoded, content, description or summary)' },
    ]);
  });

  it('reads Atom entries: published before updated, the alternate link, summary when there is no content', () => {
    const result = readFeed(ATOM, '/feeds/quay.atom', {});
    expect(result.skipped).toEqual([]);
    expect(result.articles.map((a) => [a.id, a.source, a.publishedOn, a.title, a.url, a.text])).toEqual([
      [
        'tag:quay.example,2019:dues',
        'Quay Post',
        '2019-03-04',
        'Harbour dues & fees rise',
        'https://quay.example/dues',
        'Harbour dues rise by a tenth in April.',
      ],
      [
        'tag:quay.example,2019:summary',
        'Quay Post',
        '2019-03-10',
        'Summary only',
        undefined,
        'The council meets on Monday.',
      ],
    ]);
  });

  it('reports malformed XML with its line', () => {
    const result = readFeed('<?xml version="1.0"?>\n<rss>\n<channel>\n<item></channel></rss>', RSS_FILE, {});
    expect(result.articles).toEqual([]);
    expect(result.skipped).toEqual([
      { file: RSS_FILE, line: 4, reason: expect.stringMatching(/^not well-formed XML: Expected closing tag 'item'/) },
    ]);
  });

  it('reports XML that is not a feed, and a feed without items', () => {
    expect(readFeed('<?xml version="1.0"?><catalog><book/></catalog>', RSS_FILE, {}).skipped).toEqual([
      { file: RSS_FILE, reason: 'not an RSS 2.0 or Atom feed (no <rss><channel> or <feed> element)' },
    ]);
    expect(readFeed('<rss><channel><title>Quiet</title></channel></rss>', RSS_FILE, {}).skipped).toEqual([
      { file: RSS_FILE, reason: 'the feed has no item elements' },
    ]);
  });
});

describe('looksLikeFeed', () => {
  it('recognises RSS and Atom by their first element, with or without an XML declaration', () => {
    expect(looksLikeFeed(RSS)).toBe(true);
    expect(looksLikeFeed(ATOM)).toBe(true);
    expect(looksLikeFeed('\n<rss version="2.0"><channel/></rss>')).toBe(true);
    expect(looksLikeFeed('<?xml version="1.0"?><catalog/>')).toBe(false);
    expect(looksLikeFeed(' date 2019-03-05 The rss of it.')).toBe(false);
  });
});
