/** Vite's `?raw` import: a file's text (the chart-colour test reads the stylesheets this way; no Node in renderer/). */
declare module '*.css?raw' {
  const text: string;
  export default text;
}
