/** The package ships no types: it is react-admin's message catalogue in Vietnamese. */
declare module 'ra-language-vietnamese' {
  const messages: { [key: string]: unknown };
  export default messages;
}
