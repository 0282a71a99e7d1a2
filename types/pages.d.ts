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
