/**
 * Readies an Observable Plot chart for the page. Its `<style>` elements go (the app's Content Security Policy,
 * `style-src 'self'`, refuses inline styles; the same rules live in styles.css under the `plot` class), and so do
 * the `aria-label`s Plot puts on its groups: the chart as a whole is one image with a description, and its figures
 * are in the table next to it.
 */
export function readyForPage<T extends Element>(chart: T): T {
  for (const style of Array.from(chart.querySelectorAll('style'))) style.remove();
  for (const labelled of Array.from(chart.querySelectorAll('[aria-label]')))
    labelled.removeAttribute('aria-label');
  return chart;
}
