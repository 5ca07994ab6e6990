import gazetteerText from '../../geo/gazetteer.json?raw';
import documentsCsv from '../../data/documents.csv?raw';
import activityTypesCsv from '../../data/activity-types.csv?raw';
import focusTypesCsv from '../../data/focus-types.csv?raw';
import organisationKindsCsv from '../../data/organisation-kinds.csv?raw';
import organisationsCsv from '../../data/organisations.csv?raw';
import hotspotsCsv from '../../data/hotspots.csv?raw';
import type { DataFileTexts } from '../domain/parse-dataset';
import { loadData, type LoadedData } from './load-data';

/** The texts of the dataset files shipped with the app, as they are in data/. */
export const bundledDataFiles: Readonly<DataFileTexts> = {
  documents: documentsCsv,
  activityTypes: activityTypesCsv,
  focusTypes: focusTypesCsv,
  organisationKinds: organisationKindsCsv,
  organisations: organisationsCsv,
  hotspots: hotspotsCsv,
};

/** The text of geo/gazetteer.json as shipped with the app. */
export const bundledGazetteerText: string = gazetteerText;

/** The dataset and gazetteer shipped with the app, checked exactly as the command line checks them. */
export function loadBundledData(): LoadedData {
  return loadData(bundledGazetteerText, bundledDataFiles);
}
