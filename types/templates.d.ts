// The placeholders of the service worker's template (policypress/assets/sw.js.tmpl), which the
// build replaces with JSON (policypress/offline.py): the build's version and the addresses to keep.
declare const __VERSION__: string;
declare const __PRECACHE__: string[];
