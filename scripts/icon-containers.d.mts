export declare const ICNS_TYPES: Readonly<Record<number, string>>;
export declare function icoFile(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer;
export declare function icnsFile(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer;
export declare function pngSize(png: Buffer): { width: number; height: number };
