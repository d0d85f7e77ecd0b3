import { describe, expect, it } from 'vitest';
import { htmlToText } from './htmlToText.ts';

const longParagraph = 'Segundo testemunhas, os detidos foram levados para uma esquadra no centro da cidade. '
  .repeat(8)
  .trim();

const newsPage = `<!doctype html>
<html lang="pt"><head>
<meta charset="utf-8"><title>Cinco ativistas presos | Jornal</title>
<meta property="og:title" content="Cinco ativistas foram presos em Moscou">
<style>p { color: red }</style><script>window.track("<p>não</p>")</script>
</head>
<body class="single has-sidebar">
<header class="site-header"><nav><a href="/">Início</a> <a href="/mundo">Mundo</a></nav></header>
<div id="cookie-consent">Usamos cookies. <button>Aceitar</button></div>
<main><article>
  <header><h1>Cinco ativistas foram presos em Moscou</h1></header>
  <p>Cinco ativistas foram presos em Moscou &amp; levados&nbsp;à esquadra.<br>Foram libertados no dia seguinte.</p>
  <p>${longParagraph}</p>
  <p>Contacto: <a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="1f7e">[email&#160;protected]</a></p>
  <div class="share-buttons"><a href="#">Partilhar no Facebook</a><a href="#">Twitter</a></div>
</article></main>
<aside><h2>Mais lidas</h2><ul><li>Outra notícia</li></ul></aside>
<footer>© 2024 Jornal · Todos os direitos reservados</footer>
</body></html>`;

describe('htmlToText', () => {
  it('keeps the article and drops navigation, banners, scripts and footers', () => {
    const { text, title, warnings } = htmlToText(newsPage);
    expect(title).toBe('Cinco ativistas foram presos em Moscou');
    expect(warnings).toEqual([]);
    expect(text).toContain(
      'Cinco ativistas foram presos em Moscou & levados à esquadra.\nForam libertados no dia seguinte.',
    );
    expect(text).toContain(`\n\n${longParagraph}\n\n`);
    for (const boilerplate of [
      'Início',
      'cookies',
      'Aceitar',
      'Facebook',
      'Mais lidas',
      '©',
      'track',
      'color',
    ]) {
      expect(text).not.toContain(boilerplate);
    }
  });

  it('keeps Cloudflare-protected e-mail placeholders as they are', () => {
    expect(htmlToText(newsPage).text).toContain('Contacto: [email protected]');
  });

  it('falls back to the page title when there is no og:title', () => {
    expect(
      htmlToText('<html><head><title>  Detenidos\n en Chechenia </title></head><body><p>x</p></body></html>')
        .title,
    ).toBe('Detenidos en Chechenia');
    expect(htmlToText('<p>x</p>').title).toBeNull();
  });

  it('walks the whole body when there is no article to find', () => {
    const { text } = htmlToText('<p>Short <b>one</b></p><p>two &lt; three</p><ul><li>a</li><li>b</li></ul>');
    expect(text).toBe('Short one\n\ntwo < three\n\na\n\nb');
  });

  it('keeps preformatted text and table rows', () => {
    const { text } = htmlToText(
      '<body><pre>line 1\n  line 2</pre><table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table></body>',
    );
    expect(text).toBe('line 1\nline 2\n\nA 1\nB 2');
  });

  it('survives deeply nested markup', () => {
    const html = `<body>${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}</body>`;
    expect(htmlToText(html).text).toBe('deep');
  });
});
