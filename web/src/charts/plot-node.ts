/**
 * Takes out the `<style>` elements Observable Plot puts in its charts: the app's Content Security Policy
 * (`style-src 'self'`) refuses inline styles, so the same rules live in styles.css under the `plot` class.
 */
export function withoutInlineStyles<T extends Element>(chart: T): T {
  for (const style of Array.from(chart.querySelectorAll('style'))) style.remove();
  return chart;
}
