/**
 * Finds English left in a screen that should be Albanian. Used by component tests (jsdom) and
 * browser tests (passed to `page.evaluate`).
 *
 * What is checked: every text node and every `aria-label`, `title`, `placeholder` and `alt`
 * in the interface's language. What is not: content that is data, not interface, which the
 * markup says so:
 * - `translate="no"` on proper names and things a user typed or imported (organisation names,
 *   acronyms, file names, addresses);
 * - `lang="en"` (or any other language) on text quoted verbatim from an English source
 *   (Annex I themes, hotspot quotes, curation notes), which is also what a screen reader
 *   needs to pronounce it.
 */

/**
 * English words that are not Albanian words (so "a", "e", "i", "me", "do", "plan", "data",
 * "total", "program", "problem", "import", "most" (a bridge) and "has" (a municipality) are not
 * here). Lower case.
 */
export const ENGLISH_MARKERS: ReadonlySet<string> = new Set(
  `the and of with for from to into on by or not is are was were be been have had this that
these those there their they it its who what where which when how why all any each every only also
than then but if no none yes show shows hide open close back next previous more less least
organisation organisations organization organizations municipality municipalities county counties
country nationwide national local activity activities type types gap gaps overlap overlaps overlapping
area areas map maps legend chart charts export download downloads print report select selected
clear filter filters filtered search find found results result story stories present presenting
slide slides save saved delete remove add added edit edited undo reset imported file files
name names kind kinds focus scope weight score rank ranked missing coverage covered hotspot hotspots
priority evidence source sources document documents people works working work planned planning
plans compare comparing both side sides level levels count counts number numbers share shared link
links copy copied change changes changed new old done cancel confirm apply choose chosen pick
mapping column columns row rows line lines field fields value values error errors warning warnings
problems unknown known match matches matched drawn boundaries boundary shape shapes circle
circles colour color size other others another same between across within without inside outside
about because should would could will can cannot may must see view views page full screen
language english albanian step steps first last left right up down high low many much some`
    .split(/\s+/u)
    .filter((word) => word !== ''),
);

/** The marker words in `text`, in order. */
export function englishWordsIn(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => ENGLISH_MARKERS.has(word));
}

/**
 * Interface text under `root` (text nodes and the attributes a user reads or hears), skipping
 * data marked `translate="no"` or with a `lang` other than `interfaceLang`, hidden elements
 * (`hidden`, `aria-hidden="true"`, `display: none` where styles are computed) and scripts.
 * Self-contained so a browser test can pass it to `page.evaluate`.
 */
export function interfaceTexts(root: Element, interfaceLang: string): string[] {
  const out: string[] = [];
  const skipped = (element: Element): boolean => {
    const tag = element.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template')
      return true;
    if (element.getAttribute('translate') === 'no') return true;
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true')
      return true;
    const lang = element.getAttribute('lang');
    if (lang !== null && lang !== '' && lang.split('-')[0] !== interfaceLang) return true;
    const view = element.ownerDocument.defaultView;
    if (view && 'getComputedStyle' in view && element instanceof view.HTMLElement) {
      if (view.getComputedStyle(element).display === 'none') return true;
    }
    return false;
  };
  const visit = (element: Element): void => {
    if (skipped(element)) return;
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(attribute);
      if (value) out.push(value);
    }
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === 3) {
        const text = (child.textContent ?? '').trim();
        if (text !== '') out.push(text);
      } else if (child.nodeType === 1) {
        visit(child as Element);
      }
    }
  };
  visit(root);
  return out;
}

/** Each interface text under `root` that has English in it, with the words found. */
export function englishLeftIn(root: Element, interfaceLang = 'sq'): string[] {
  return interfaceTexts(root, interfaceLang)
    .map((text) => ({ text, words: englishWordsIn(text) }))
    .filter(({ words }) => words.length > 0)
    .map(
      ({ text, words }) =>
        `${text.length > 120 ? `${text.slice(0, 117)}…` : text}  [${words.join(', ')}]`,
    );
}
