/**
 * Small real images for fixture sites. Posters and story images on the site go through the image pipeline, which
 * reads each file's size, so a fixture that names `/media/lead.jpg` must have that file.
 */

/**
 * A 64×36 JPEG (515 bytes): a dark frame with a red disc and a light bar, made once with sharp from the SVG below
 * (`sharp(svg).jpeg({ quality: 70 })`) and kept as bytes so fixtures are plain constants.
 */
export const FIXTURE_JPEG: Uint8Array = Buffer.from(
  "/9j/2wBDAAoHBwgHBgoICAgLCgoLDhgQDg0NDh0VFhEYIx8lJCIfIiEmKzcvJik0KSEiMEExNDk7Pj4+JS5ESUM8SDc9Pjv/2wBDAQoLCw4NDhwQEBw7KCIoOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozv/wAARCAAkAEADASIAAhEBAxEB/8QAGAABAQEBAQAAAAAAAAAAAAAAAAUHBgT/xAAnEAACAQEHBAIDAAAAAAAAAAAAAQIDBAYRF1Wj0gUUMVESExVxkf/EABkBAAMBAQEAAAAAAAAAAAAAAAADBAEFAv/EAB4RAAICAwADAQAAAAAAAAAAAAABAgMEERITMVFh/9oADAMBAAIRAxEAPwDhQANEgAAAjFykoxTbfhI9P422fH5fRLD9rH+FLo1mjGh3DWM5tpP0ikSWZDjLSR1qMBTgpTfs5KUXGTjJNNeUwW+s2aMqHcJYTg0m/aIg+ufcdkORS6Z8sAG0ZgXX1TYq8T020JS2YuDaMwLr6psVeIzAuvqmxV4mdP4byvpmXRrTGVDt28JwbaXtFI7vMC6+qbFXiMwLr6psVeJLOnqW0dOrO8cFFrev0zLrNpjGh26eM5tNr0iIJScpOUm235bBTXDiOiHIud0+mAAMJwAAAAAAAAAD/9k=",
  "base64",
);

/** A 16:9 SVG (its size comes from the viewBox). */
export const FIXTURE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 36"><rect width="64" height="36" fill="#2d3a42"/><circle cx="44" cy="16" r="10" fill="#b85347"/><rect x="8" y="24" width="40" height="6" fill="#e9e5dc"/></svg>';

/** The same JPEG at each of `paths` (site paths without the leading "/"), for a fixture site's files. */
export function fixturePhotos(...paths: string[]): Record<string, Uint8Array> {
  return Object.fromEntries(paths.map((path) => [path, FIXTURE_JPEG]));
}
