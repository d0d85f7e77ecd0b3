import { describe, expect, it } from 'vitest';
import { calendarDayOf } from './htmlPublished.ts';
import { htmlToText } from './htmlToText.ts';

const page = (head: string, body = '<article><p>Five activists were detained in Moscow.</p></article>') =>
  `<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`;

describe('the publication date an HTML page states', () => {
  it('reads article:published_time, the date meta, JSON-LD and <time>, in that order of trust', () => {
    expect(
      htmlToText(page('<meta property="article:published_time" content="2017-05-12T09:30:00+03:00">'))
        .published,
    ).toBe('2017-05-12');
    expect(htmlToText(page('<meta name="date" content="2017-05-13">')).published).toBe('2017-05-13');
    const jsonLd = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2017-05-14T08:00:00Z"}]}</script>`;
    expect(htmlToText(page(jsonLd)).published).toBe('2017-05-14');
    expect(
      htmlToText(page('', '<article><time datetime="2017-05-15">15 May</time><p>Text.</p></article>'))
        .published,
    ).toBe('2017-05-15');
    expect(
      htmlToText(
        page(
          '<meta name="date" content="2017-05-13"><meta property="article:published_time" content="2017-05-12">',
        ),
      ).published,
    ).toBe('2017-05-12');
  });

  it('has none when the page states none, or states an impossible or broken one', () => {
    expect(htmlToText(page('')).published).toBeNull();
    expect(htmlToText(page('<meta name="date" content="2017-02-30">')).published).toBeNull();
    expect(
      htmlToText(page('<script type="application/ld+json">{"datePublished": </script>')).published,
    ).toBeNull();
    expect(calendarDayOf('12 May 2017')).toBeNull();
  });
});
