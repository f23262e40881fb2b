/*
 * ES5 on purpose: this runs before the bundle (ES2022) in every webview, including Internet Explorer 11 and
 * EdgeHTML, which host add-ins in Office 2016 and 2019 and cannot parse the bundle. There it replaces the
 * loading shell's "Laster ..." with a message in bokmål (and English) instead of leaving a pane that never
 * loads. The manifest asks for ExcelApi 1.9 (none of those hosts has it); this covers the ones that still
 * open the pane (Office 2021 on a Windows without WebView2).
 */
(function () {
  'use strict';
  var modern = typeof Promise === 'function' && typeof Object.hasOwn === 'function' && typeof Array.prototype.at === 'function';
  if (modern) return;
  document.documentElement.className += ' hp-legacy';
  var status = document.getElementById('hp-shell-status');
  if (!status) return;
  status.textContent =
    'Denne versjonen av Excel er for gammel for Handlingsplan. Bruk Excel for Microsoft 365, Excel 2021 eller nyere, Excel for Mac eller Excel på nettet. ' +
    '(This version of Excel is too old for Handlingsplan: use Excel for Microsoft 365, Excel 2021 or later, Excel for Mac or Excel on the web.)';
  status.parentNode.setAttribute('role', 'alert');
})();
