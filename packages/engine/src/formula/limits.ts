/**
 * How deeply a written formula may nest. Every walker over a formula recurses once per
 * level, so the limit is what keeps hostile or generated text from exhausting the stack;
 * 200 is far beyond any formula a person writes (a 200-term sum still fits).
 */
export const MAX_FORMULA_DEPTH = 200;

/**
 * How deep a formula composed by substitution (a chain inlined for solve or sensitivity)
 * may grow. Ten chained formulas at the written limit fit; recursion this deep is still
 * far inside the JavaScript stack.
 */
export const MAX_COMPOSED_DEPTH = 2000;
