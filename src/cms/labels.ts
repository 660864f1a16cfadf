/**
 * The words of the CMS forms. The elements' names come from the plugin's own labels where it has one (the highlights'
 * heading, "Update"), so a site that shows SPANISH_LABELS to readers gets Spanish forms with SPANISH_CMS_LABELS.
 */
import { SPANISH_LABELS, type Labels } from "../context.js";

export interface CmsLabels {
  quote: string;
  pullquote: string;
  video: string;
  /** The form fields, by field name. */
  fields: Readonly<Record<string, string>>;
}

export const DEFAULT_CMS_LABELS: Readonly<CmsLabels> = Object.freeze({
  quote: "Quote",
  pullquote: "Pull quote",
  video: "Video",
  fields: Object.freeze({
    items: "Highlights (one line each)",
    text: "Words (Markdown)",
    speaker: "Speaker",
    role: "Role",
    lang: "Language of the words (BCP 47, e.g. es-MX)",
    url: "Address (https: or a path on this site)",
    title: "Title",
    duration: "Duration (1:45)",
    source: "Source",
    poster: "Poster image",
    posterAlt: "Poster description (alt text)",
    posterCredit: "Poster credit",
    description: "Description",
    aspectRatio: "Aspect ratio (16/9)",
    transcript: "Transcript address",
    captions: "Captions file (WebVTT)",
    captionsLanguage: "Captions language",
    uploadDate: "Upload date (ISO 8601)",
    time: "Time (2017-05-18T10:45)",
    updated: "Edited at",
    key: "Key event",
    pinned: "Pinned",
    author: "Author",
    id: "Id",
  }),
});

export const SPANISH_CMS_LABELS: Readonly<CmsLabels> = Object.freeze({
  quote: "Cita",
  pullquote: "Cita destacada",
  video: "Video",
  fields: Object.freeze({
    items: "Lo más destacado (una línea cada uno)",
    text: "Palabras (Markdown)",
    speaker: "Quién lo dijo",
    role: "Cargo",
    lang: "Idioma de las palabras (BCP 47, p. ej. es-MX)",
    url: "Dirección (https: o una ruta de este sitio)",
    title: "Título",
    duration: "Duración (1:45)",
    source: "Fuente",
    poster: "Imagen de portada",
    posterAlt: "Descripción de la imagen (texto alternativo)",
    posterCredit: "Crédito de la imagen",
    description: "Descripción",
    aspectRatio: "Proporción (16/9)",
    transcript: "Dirección de la transcripción",
    captions: "Subtítulos (WebVTT)",
    captionsLanguage: "Idioma de los subtítulos",
    uploadDate: "Fecha de publicación (ISO 8601)",
    time: "Hora (2017-05-18T10:45)",
    updated: "Editada a las",
    key: "Momento clave",
    pinned: "Fijada",
    author: "Autor",
    id: "Id",
  }),
});

/** The Spanish form words for a site whose reader labels are SPANISH_LABELS; else the English. */
export function cmsLabelsFor(labels: Labels): Readonly<CmsLabels> {
  return labels === SPANISH_LABELS || labels.highlightsHeading === SPANISH_LABELS.highlightsHeading ? SPANISH_CMS_LABELS : DEFAULT_CMS_LABELS;
}
