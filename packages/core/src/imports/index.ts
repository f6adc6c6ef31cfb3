/**
 * Spreadsheet imports of findings: reading loose headers, the CSV sniffing done at upload,
 * dates as spreadsheets write them, and the check of each row. Pure code: no I/O, no clock.
 */
export * from './import-fields';
export * from './csv-text';
export * from './csv-row.scanner';
export * from './csv-records';
export * from './found-date';
export * from './import-header.matcher';
export * from './import-row.validator';
export * from './import-summary';
