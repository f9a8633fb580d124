// The sidebar's HTML is bundled as text by esbuild (loader "text").
declare module '*.html' {
  const html: string;
  export default html;
}
