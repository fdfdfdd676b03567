/**
 * GitHub Actions workflow commands (`::error title=…::message`), the output of `--reporter github`
 * of `conform`, `proxy` and `check-har`. GitHub shows each as an annotation on the run.
 */
export type AnnotationLevel = "error" | "warning" | "notice";

/** Escapes a message (data) of a workflow command. */
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** Escapes a property value (title) of a workflow command. */
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function githubAnnotation(level: AnnotationLevel, title: string, message: string): string {
  return `::${level} title=${escapeProperty(title)}::${escapeData(message)}\n`;
}
