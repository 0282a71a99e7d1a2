// What the page scripts share through `window`: the calculators' runtime (policypress-calc.js)
// and the reader's modes (policypress-modes.js). Either may be missing (a script that failed to
// load), so each use is checked.
export {};

declare global {
  /** window.policypress: runs the calculators in a Web Worker (Pyodide). */
  interface PolicypressRuntime {
    /** The same JSON that `policypress calc NAME` prints: a result, or {errors: {field: {zh, en}}}. */
    calc(name: string, inputs?: object, documentId?: string): Promise<any>;
    /** An inline SVG QR code of `text`. */
    qr(text: string): Promise<string>;
    /** The statistics table as XLSX bytes. */
    xlsx(result: object, rows?: object[], language?: string): Promise<Uint8Array<ArrayBuffer>>;
    /** The {zh, en} labels of the named parameters (a result's readings), from the parameters the calculators use. */
    labels(names: string[]): Promise<Record<string, { zh: string; en: string }>>;
    start(documentId?: string): void;
    onStage(listener: (stage: string, detail?: string | null) => void): void;
    /** Called now, at every change of stage and as the runtime downloads (bytes come, bytes in all, seconds left or null), with the status in the page's words. */
    onProgress(listener: (stage: string, download: { loaded: number; total: number; seconds: number | null } | null, text: string) => void): void;
    /** Keeps a role=status element saying what the runtime is doing (hidden while idle and once ready). */
    showStatus(node: HTMLElement, words?: Record<string, string>): void;
    /** What the runtime is doing now, in the page's words (with the download's bytes and time left). */
    readonly statusText: string;
    readonly stage: string;
  }

  /** window.policypressModes: elder and booth mode. */
  interface PolicypressModes {
    elder: boolean;
    booth: boolean;
    /** Whether answers and drafts may be kept on this device (not at a shared booth). */
    mayStore(): boolean;
    speak(element: Element): boolean;
    newResident(): void;
  }

  interface Window {
    policypress?: PolicypressRuntime;
    policypressModes?: PolicypressModes;
  }
}
