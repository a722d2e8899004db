/**
 * Escaping helpers shared by the renderers. Partner text (titles, messages, ids) ends up in XML,
 * HTML, terminals and CI logs; every renderer escapes it through one of these.
 */

/**
 * Characters XML 1.0 cannot hold at all, even as character references: C0 controls other than
 * tab, LF and CR; lone surrogates; U+FFFE and U+FFFF.
 */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove the characters XML 1.0 cannot hold. */
export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '');
}

/**
 * Escape text for XML element content or a double- or single-quoted attribute value. Drops
 * characters XML 1.0 cannot hold; writes CR as `&#13;` so parsers do not normalise it away.
 */
export function xmlEscape(text: string): string {
  return stripXmlInvalid(text).replace(/[&<>"'\r]/g, (c) => XML_ENTITIES[c]!);
}

/**
 * Escape an XML attribute value. Like {@link xmlEscape}, and also writes tab and LF as character
 * references: attribute-value normalisation would otherwise turn them into spaces.
 */
export function xmlAttr(text: string): string {
  return xmlEscape(text).replace(/[\t\n]/g, (c) => (c === '\t' ? '&#9;' : '&#10;'));
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;',
};

/** Escape text for HTML element content or a quoted attribute value: `& < > " '`. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/**
 * Characters that must not reach a terminal raw: C0 and C1 controls (ESC starts terminal escape
 * sequences; a newline would break "one line per item") and the bidirectional overrides and
 * isolates that can make displayed text differ from the real text ("Trojan Source").
 */
const TERMINAL_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Make control characters visible, for one-line terminal output: `\n`, `\r`, `\t`, and
 * `\u0001`-style escapes for the rest. Everything else, non-ASCII included, is kept.
 */
export function escapeControlChars(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * Remove C0 controls other than tab, LF and CR, DEL and C1 controls: they carry no meaning in a
 * message and an ESC could restyle a CI log.
 */
export function stripControlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
}

/** Escape the message ("data") part of a GitHub Actions workflow command. */
export function githubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (`file=`, `title=`, ...) of a GitHub Actions workflow command. */
export function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A relative file path as a URI reference: each `/`-separated segment percent-encoded, so spaces,
 * `#`, `?`, `%` and a leading `c:` cannot be misread.
 */
export function pathToUriReference(file: string): string {
  return file.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** `1 error`, `2 errors`; `1 entry`, `2 entries` with an explicit plural. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
