import type { Language, Translate } from '../i18n/index.js';

/** Escapes text for safe use in HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Marks a string as already-safe HTML. */
export interface SafeHtml {
  readonly html: string;
}

/** A tagged template that escapes every interpolated value unless it is {@link SafeHtml} (or an array of them). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return { html: out };
}

function render(value: unknown): string {
  if (Array.isArray(value)) return value.map(render).join('');
  if (value && typeof value === 'object' && 'html' in value) return (value as SafeHtml).html;
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

const STYLES = `
:root{--ink:#1b2430;--muted:#4a5565;--brand:#0b4f8a;--brand-ink:#fff;--bg:#f5f7fa;--card:#fff;--line:#d5dbe3;--focus:#f2a900}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:focus-visible,button:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
header{background:var(--brand);color:var(--brand-ink)}
header .bar{max-width:64rem;margin:auto;padding:1rem 1.25rem;display:flex;gap:1rem;align-items:center;justify-content:space-between;flex-wrap:wrap}
header .brand{font-weight:700;font-size:1.25rem}
header .brand small{display:block;font-weight:400;font-size:.9rem;opacity:.9}
header nav a{color:var(--brand-ink);margin-left:.75rem}
header nav a[aria-current="true"]{font-weight:700;text-decoration:none;border-bottom:2px solid var(--brand-ink)}
main{max-width:64rem;margin:auto;padding:2rem 1.25rem}
h1{font-size:2rem;margin:0 0 .5rem}
.intro{color:var(--muted);max-width:44rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1.25rem;margin-top:2rem;padding:0;list-style:none}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1.25rem;display:flex;flex-direction:column}
.card h2{font-size:1.2rem;margin:0 0 .5rem}
.card p{color:var(--muted);flex:1;margin:0 0 1rem}
.card a.button{align-self:flex-start;background:var(--brand);color:var(--brand-ink);padding:.5rem 1rem;border-radius:.35rem;text-decoration:none;font-weight:600}
form label{display:block;font-weight:600;margin-bottom:.25rem}
input:not([type]),input[type=text],input[type=password],input[type=email]{width:100%;max-width:24rem;padding:.6rem .75rem;border:1px solid #6b7686;border-radius:.35rem;font:inherit;background:#fff}
input:focus-visible{outline:3px solid var(--focus);outline-offset:1px}
button{background:var(--brand);color:var(--brand-ink);border:0;padding:.65rem 1.4rem;border-radius:.35rem;font:inherit;font-weight:600;cursor:pointer}
button:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.error{background:#fdecea;border-left:4px solid #b3261e;color:#5f1410;padding:.75rem 1rem;max-width:40rem}
footer{max-width:64rem;margin:auto;padding:1rem 1.25rem 2rem;color:var(--muted);font-size:.9rem}
`;

/** Wraps page content in the shared layout: language switch, skip link, header and footer. */
export function layout(t: Translate, language: Language, title: string, path: string, content: SafeHtml): string {
  const other: Language = language === 'el' ? 'en' : 'el';
  const switchTo = (lang: Language) =>
    html`<a
      href="${path}?lang=${lang}"
      lang="${lang}"
      hreflang="${lang}"
      aria-current="${lang === language ? 'true' : 'false'}"
      >${t(`language.${lang}`)}</a
    >`;
  return `<!doctype html>${
    html`<html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${t('app.name')}</title>
        <link rel="alternate" hreflang="${other}" href="${path}?lang=${other}" />
        <style>
          ${{ html: STYLES }}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${title}</a>
        <header>
          <div class="bar">
            <div class="brand">${t('app.name')} · ${t('municipality.name')}<small>${t('app.tagline')}</small></div>
            <nav aria-label="${t('landing.language')}">${switchTo('el')}${switchTo('en')}</nav>
          </div>
        </header>
        <main id="main">${content}</main>
        <footer>${t('landing.footer')}</footer>
      </body>
    </html>`.html
  }`;
}
