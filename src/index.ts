/** The news core: elements, their parsers and renderers, and the Markdown syntax. Knows nothing of Eleventy. */
export type { Dateline, ElementInput, ElementOfType, ElementType, NewsroomElement, PullQuote, Quote, SourceLocation, StoryHighlights, Video } from "./types.js";
export { ELEMENT_TYPES } from "./types.js";
export { InvalidValue, unrepresentableCharacter, UNREPRESENTABLE_FIX } from "./values/fields.js";
export { NewsroomError, PLUGIN_NAME, isNewsroomError, type ErrorLocation, type NewsroomErrorDetails } from "./errors.js";
export { SafeHtml, escapeHtml, html, attributes, trustedHtml } from "./html.js";
export { createIdRegistry, fillLabel, DEFAULT_LABELS, SPANISH_LABELS, type IdRegistry, type Labels, type MarkdownRenderer, type RenderContext } from "./context.js";
export { parseElement, renderElement, isParsedElement, markParsed, type ParseOptions } from "./elements/index.js";
export { parseHighlights, renderHighlights } from "./elements/highlights.js";
export { parseQuote, renderQuote } from "./elements/quote.js";
export { parsePullQuote, renderPullQuote } from "./elements/pullquote.js";
export { parseVideo, renderVideo, VIDEO_FIELDS, type VideoParseOptions } from "./elements/video.js";
export { parseDateline, renderDateline } from "./elements/dateline.js";
export { parseDuration, durationFromSeconds, type Duration } from "./values/duration.js";
export { parseAspectRatio, aspectRatio, aspectRatioClass, aspectRatioRule, BUILT_IN_ASPECT_RATIOS, type AspectRatio } from "./values/aspectRatio.js";
export { parseSafeUrl, absoluteUrl } from "./values/url.js";
export { DEFAULT_PROVIDERS, recogniseVideo, youtube, vimeo, videoFile, videoPage, type VideoProvider, type VideoSource } from "./video/providers.js";
export { toStoryDate, machineDate, readableDate, renderTime, DEFAULT_DATE_OPTIONS, type DateOptions, type StoryDate } from "./values/dates.js";
export { newsroomMarkdown, elementsInMarkdown, CONTAINER_ELEMENT_TYPES, type ContainerElementType, type NewsroomMarkdownOptions } from "./markdown/plugin.js";
export { inputFromArguments, POSITIONAL_FIELDS } from "./syntax/arguments.js";
export { inputWithBody, highlightsFromMarkdown, dedent } from "./syntax/body.js";
export { scanTemplateTags, type TagNames, type FoundTag } from "./syntax/templateTags.js";
export { extractStoryElements, filterSubject, FRONT_MATTER_ELEMENTS, pageRepeatsPullQuote, pullQuoteNotInBody, type ExtractOptions, type ExtractResult, type FoundElement, type StorySource } from "./syntax/story.js";
export { videoObject, type VideoObjectData, type VideoObjectOptions } from "./video/structuredData.js";
export { renderErrorBox } from "./elements/errorBox.js";
export { renderPicture, pictureFor, cropsFor, loadingAttributes, srcsetOf, type ImageFile, type ImagePipeline, type ImageSource, type PictureOptions, type ResponsiveImage } from "./images/image.js";
export { parseStoryImage, renderStoryImage, STORY_IMAGE_FIELDS, type LeadImage } from "./images/storyImage.js";
export { plainText, type InlineParser } from "./values/plainText.js";
export { plainTextOfHtml, decodeCharacterReferences, type HtmlTextOptions } from "./values/htmlText.js";
export type { Author, CorrectionKind, Correction, CropRatio, ImageCrop, ImageRendition, LiveStoryMetadata, LiveUpdateMetadata, Publisher, SiteMetadata, StoryImage, StoryMetadata } from "./metadata/types.js";
export { CROP_RATIOS } from "./metadata/types.js";
export { readStoryMetadata, type StoryMetadataOptions, type StoryMetadataSource } from "./metadata/story.js";
export { renderByline, labelWithMarkup, type BylineOptions } from "./metadata/byline.js";
export { renderCorrections } from "./metadata/corrections.js";
export { storyGraph, jsonLdScript, storyDescription, DEFAULT_SPEAKABLE_SELECTORS, type StoryGraphOptions } from "./metadata/structuredData.js";
export { socialCards, truncateOnWord, openGraphLocale, cardImage, TWITTER_TITLE_LIMIT, TWITTER_DESCRIPTION_LIMIT, type CardImage } from "./metadata/socialCards.js";
export { checkStory, metadataWarningError, LARGE_IMAGE_WIDTH, type MetadataWarning } from "./metadata/checks.js";
export { renderStoryHead, type StoryHeadOptions } from "./metadata/head.js";
export { scriptJson } from "./html.js";
export { atomFeed, jsonFeed, atomFeedOfItems, jsonFeedOfItems, storyFeedItem, storyFeedAuthors, ATOM_NAMESPACE, JSON_FEED_VERSION, type FeedDescription, type FeedEntry, type FeedItem, type FeedPerson } from "./metadata/feeds.js";
export {
  sitemapXml,
  newsSitemapXml,
  sitemapIndexXml,
  storiesInNewsWindow,
  splitSitemap,
  numberedPath,
  newsLanguage,
  isCanonicalStory,
  SITEMAP_NAMESPACE,
  NEWS_SITEMAP_NAMESPACE,
  SITEMAP_LIMIT,
  NEWS_SITEMAP_LIMIT,
  NEWS_WINDOW_HOURS,
  type SitemapEntry,
  type SitemapFile,
  type NewsPublication,
} from "./metadata/sitemaps.js";
export { rfc3339, storyInstant, xmlUnrepresentableCharacter } from "./metadata/xml.js";
export type { LiveUpdate } from "./types.js";
export { parseUpdate, renderUpdate, parseUpdateTime, derivedUpdateId, readableUpdateTime, updateVersion, UPDATE_FIELDS, UPDATE_FLAGS, type UpdateParseOptions } from "./elements/update.js";
export { liveCoverage, numberedUpdatesPath, storyFolder, newestFirst, type LiveCoverage, type LiveCoverageOptions, type UpdatesPage } from "./live/coverage.js";
export { renderLiveBlog, type LiveBlogOptions } from "./live/render.js";
export { livePollDocument, type LivePollDocument } from "./live/poll.js";
export { liveStoryMetadata, liveModified, liveDate, LIVE_UPDATE_HEADLINE_LIMIT, type LiveMetadataSource } from "./live/metadata.js";
export { liveAtomFeed, liveJsonFeed, liveFeedItems, liveFeedPath, KEY_EVENT_CATEGORY, type LiveFeedOptions } from "./live/feeds.js";
