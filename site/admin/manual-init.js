// Decap CMS starts once admin.js has registered the newsroom elements (CMS.init there).
window.CMS_MANUAL_INIT = true;
