// Record titles, names and values come from users: they reach cards only through these functions, and
// only inside TextRun/Fact/choice titles (plain text in Adaptive Cards), never inside markdown TextBlocks.

// C0/C1 controls (keeping tab and newline out too), and bidirectional overrides/isolates that could
// reorder a line in an RTL card.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Plain, single-line, bounded text: no controls, no bidi tricks, no Teams `{{DATE()}}` templates. */
export const plainText = (value: string, maxLength = 200): string => {
  const cleaned = value.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  // Teams expands {{DATE(...)}} and {{TIME(...)}} in card text: break the braces.
  const noTemplates = cleaned.replace(/\{\{/g, '{\u200b{').replace(/\}\}/g, '}\u200b}');
  return noTemplates.length > maxLength ? `${noTemplates.slice(0, maxLength - 1)}…` : noTemplates;
};

const MARKDOWN = /[\\`*_{}[\]()#+\-.!|>~<&]/g;

/** For the rare text that must sit inside a markdown TextBlock: escape every markdown character. */
export const escapeMarkdown = (value: string): string => plainText(value).replace(MARKDOWN, (c) => `\\${c}`);
