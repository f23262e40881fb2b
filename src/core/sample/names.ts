/**
 * How the shells name the built-in sample: the programme whose published plan it is. Kept apart from the
 * sample's data so the pane's first chunk can say it without carrying the data.
 */
export const SAMPLE_PROGRAMME = 'Sats på Hallingdal';
export const SAMPLE_REGION = 'Hallingdal';
export const SAMPLE_YEAR = 2022;
/** The file name (without extension) the pane gives the sample. */
export const SAMPLE_FILE_NAME = 'sats-pa-hallingdal';
