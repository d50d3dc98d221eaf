import { Admin, ListGuesser, Resource } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

const dataProvider = simpleRestProvider('/api');

export const App = () => (
  <Admin dataProvider={dataProvider} title="Kế hoạch MTTQ">
    <Resource name="organisations" list={ListGuesser} />
    <Resource name="users" list={ListGuesser} />
  </Admin>
);
