/** A GitHub Actions workflow command's properties: where the annotation points, and its title. */
export interface AnnotationPlace {
  file?: string | undefined;
  line?: number | undefined;
  col?: number | undefined;
  title: string;
}

/** The message of a workflow command: `%`, CR and LF escaped as GitHub reads them. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property's value: also `:` and `,`, which end it. */
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=deals.csv,line=3,col=2,title=folio::message`, one line. */
export function annotation(level: 'error' | 'warning', place: AnnotationPlace, message: string): string {
  const props = [
    place.file ? `file=${escapeProperty(place.file)}` : null,
    place.line !== undefined ? `line=${place.line}` : null,
    place.col !== undefined ? `col=${place.col}` : null,
    `title=${escapeProperty(place.title)}`,
  ].filter(Boolean);
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}
