// The character codes the delimited-text readers compare against (charCodeAt), named once.
export const QUOTE = 34;
export const LF = 10;
export const CR = 13;
