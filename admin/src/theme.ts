import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's theme in the Front's colours: a deep red, with a dark blue beside it. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#b3261e' }, secondary: { main: '#1a3f73' } },
};
