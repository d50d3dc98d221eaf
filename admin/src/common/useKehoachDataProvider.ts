import { useDataProvider } from 'react-admin';
import type { KehoachDataProvider } from '../dataProvider';

/** The data provider with our custom methods (sendEvent, getTasks, …) typed. */
export const useKehoachDataProvider = () => useDataProvider<KehoachDataProvider>();
