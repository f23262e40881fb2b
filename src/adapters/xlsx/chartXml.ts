import type { LayoutChart } from '../../core/layout/types';
import { absoluteRange, quotedSheet } from './refs';
import { escapeAttr, escapeText } from './xml';

/**
 * Charts as DrawingML parts, written as text: a drawing part that anchors each chart to a block of cells,
 * and one chart part per chart. Series refer to the sheet's cells and carry their values as a cache, so
 * Excel recalculates them from the cells while viewers that do not (LibreOffice in some modes, previews)
 * still draw the bars. Elements follow the schema order of CT_ChartSpace, CT_BarChart, CT_BarSer and the
 * axes; Excel calls a file damaged otherwise.
 */

const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const SPREADSHEET_DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CATEGORY_AXIS_ID = 50010;
const VALUE_AXIS_ID = 50020;

/** The drawing part: one graphic frame per chart, anchored to its cells; `chartRelIds[i]` points at chart i. */
export function drawingXml(charts: readonly LayoutChart[], chartRelIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => graphicFrame(chart, chartRelIds[i] ?? '', i + 2)).join('');
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${SPREADSHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">${anchors}</xdr:wsDr>`;
}

/** Anchored to two cells, moving and resizing with them, as a chart inserted in Excel is. */
function graphicFrame(chart: LayoutChart, relId: string, shapeId: number): string {
  const { top, left, bottom, right } = chart.placement;
  // Markers are 0-based; `to` is the cell the bottom-right corner lies in, so the one after the block.
  const marker = (tag: string, column: number, row: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return [
    '<xdr:twoCellAnchor>',
    marker('from', left - 1, top - 1),
    marker('to', right, bottom),
    '<xdr:graphicFrame macro="">',
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeAttr(chart.name)}" descr="${escapeAttr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${escapeAttr(relId)}"/></a:graphicData></a:graphic>`,
    '</xdr:graphicFrame>',
    '<xdr:clientData/>',
    '</xdr:twoCellAnchor>',
  ].join('');
}

/** One chart part. `sheet` is the name the sheet was written under (it may differ from the layout's). */
export function chartXml(chart: LayoutChart, sheet: string): string {
  return [
    XML_DECLARATION,
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${RELATIONSHIPS_NS}">`,
    '<c:roundedCorners val="0"/>',
    '<c:chart>',
    title(chart.title, 1200),
    '<c:autoTitleDeleted val="0"/>',
    '<c:plotArea><c:layout/>',
    chart.kind === 'line' ? lineChart(chart, sheet) : barChart(chart, sheet),
    categoryAxis(),
    valueAxis(chart.valueAxisTitle, chart.kind === 'clusteredColumn'),
    '</c:plotArea>',
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>',
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>',
    '</c:chart>',
    // An opaque white chart area: a chart's own figures lie in the cells it covers (see the layouts).
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>',
    '</c:chartSpace>',
  ].join('');
}

function barChart(chart: LayoutChart, sheet: string): string {
  return [
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>',
    chart.series.map((series, i) => seriesXml(chart, i, sheet)).join(''),
    `<c:gapWidth val="80"/><c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`,
    '</c:barChart>',
  ].join('');
}

/** CT_LineChart: grouping, varyColors, the series, marker, the axes. A year without a figure is a gap. */
function lineChart(chart: LayoutChart, sheet: string): string {
  return [
    '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>',
    chart.series.map((series, i) => lineSeriesXml(chart, i, sheet)).join(''),
    `<c:marker val="1"/><c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`,
    '</c:lineChart>',
  ].join('');
}

/** CT_LineSer in schema order: idx, order, tx, spPr, marker, cat, val, smooth. */
function lineSeriesXml(chart: LayoutChart, index: number, sheet: string): string {
  const series = chart.series[index];
  if (series === undefined) return '';
  const fill = `<a:solidFill><a:srgbClr val="${colour(series.color)}"/></a:solidFill>`;
  return [
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>`,
    `<c:tx><c:v>${escapeText(series.name)}</c:v></c:tx>`,
    `<c:spPr><a:ln w="28575" cap="rnd">${fill}<a:round/></a:ln></c:spPr>`,
    `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill}<a:ln>${fill}</a:ln></c:spPr></c:marker>`,
    `<c:cat><c:strRef><c:f>${escapeText(reference(sheet, chart.categories.range))}</c:f>${stringCache(chart.categories.labels)}</c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${escapeText(reference(sheet, series.range))}</c:f>${numberCache(series.values)}</c:numRef></c:val>`,
    '<c:smooth val="0"/></c:ser>',
  ].join('');
}

function title(text: string, size: number): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="nb-NO" sz="${size}" b="1"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function seriesXml(chart: LayoutChart, index: number, sheet: string): string {
  const series = chart.series[index];
  if (series === undefined) return '';
  return [
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>`,
    `<c:tx><c:v>${escapeText(series.name)}</c:v></c:tx>`,
    `<c:spPr><a:solidFill><a:srgbClr val="${colour(series.color)}"/></a:solidFill></c:spPr>`,
    '<c:invertIfNegative val="0"/>',
    '<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>',
    `<c:cat><c:strRef><c:f>${escapeText(reference(sheet, chart.categories.range))}</c:f>${stringCache(chart.categories.labels)}</c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${escapeText(reference(sheet, series.range))}</c:f>${numberCache(series.values)}</c:numRef></c:val>`,
    '</c:ser>',
  ].join('');
}

function stringCache(labels: readonly string[]): string {
  const points = labels.map((label, i) => `<c:pt idx="${i}"><c:v>${escapeText(label)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${labels.length}"/>${points}</c:strCache>`;
}

function numberCache(values: readonly number[]): string {
  // A value that is not a finite number is left out of the cache: the point shows as a gap.
  const points = values.map((value, i) => (Number.isFinite(value) ? `<c:pt idx="${i}"><c:v>${String(value)}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function categoryAxis(): string {
  return [
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>`,
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>`,
    '</c:catAx>',
  ].join('');
}

/** Columns start at 0; a line keeps the automatic scale, so a population's few per cent of change can be seen. */
function valueAxis(axisTitle: string | undefined, fromZero: boolean): string {
  return [
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/>${fromZero ? '<c:min val="0"/>' : ''}</c:scaling><c:delete val="0"/><c:axPos val="l"/>`,
    '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>',
    axisTitle === undefined ? '' : title(axisTitle, 1000),
    '<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    `<c:crossAx val="${CATEGORY_AXIS_ID}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>`,
    '</c:valAx>',
  ].join('');
}

/** `'Styrerapport 2022'!$C$6:$C$9`: quoted and absolute, as Excel writes series references. */
function reference(sheet: string, range: string): string {
  return `${quotedSheet(sheet)}!${absoluteRange(range)}`;
}

/** Only `RRGGBB` reaches the file; anything else would make Excel repair it. */
function colour(value: string): string {
  return /^[0-9A-Fa-f]{6}$/.test(value) ? value.toUpperCase() : '808080';
}
