// The placeholders of the service worker's template (policypress/assets/sw.js.tmpl), which the
// build replaces with JSON (policypress/offline.py): the build's version, the addresses to keep,
// the bytes each downloads and which of them are the calculators' runtime (indexes).
declare const __VERSION__: string;
declare const __PRECACHE__: string[];
declare const __SIZES__: number[];
declare const __RUNTIME__: number[];
