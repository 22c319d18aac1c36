/**
 * @fileoverview Browser APIs newer than the Closure Compiler the web build minifies with
 * (emcc --closure 1): named here so their names are kept.
 * @externs
 */
/** @type {number} */ TextMetrics.prototype.fontBoundingBoxAscent;
/** @type {number} */ TextMetrics.prototype.fontBoundingBoxDescent;
/** @type {number} */ TextMetrics.prototype.actualBoundingBoxLeft;
/** @type {number} */ TextMetrics.prototype.actualBoundingBoxRight;
/** @type {number} */ TextMetrics.prototype.actualBoundingBoxAscent;
/** @type {number} */ TextMetrics.prototype.actualBoundingBoxDescent;
/** @param {...*} nodes */ Element.prototype.replaceChildren = function (nodes) {};
var CanvasRenderingContext2DSettings;
/** @type {boolean} */ CanvasRenderingContext2DSettings.prototype.willReadFrequently;
var FocusOptions;
/** @type {boolean} */ FocusOptions.prototype.preventScroll;
/** @type {boolean} */ KeyboardEvent.prototype.isComposing;
/** @type {string} */ InputEvent.prototype.inputType;
/** @type {string} */ InputEvent.prototype.data;
