// The example site's editor: eleventy-plugin-newsroom's elements in Decap CMS (see README, "Editing in a CMS (Decap)").
import { registerNewsroomCms } from "/admin/newsroom-cms.js";

registerNewsroomCms(window.CMS, {
  // As eleventy.config.ts gives the plugin: a live update's local time is read in the site's zone.
  timeZone: "America/New_York",
  previewTemplates: ["stories"],
  // The page's own stylesheets: the plugin's video box and the site's.
  previewStyles: ["/admin/newsroom-video.css", "/assets/site.css"],
});
window.CMS.init();
