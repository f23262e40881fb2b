/** Offers bytes as a file download: a Blob URL on a temporary <a download>, clicked, then released. */
export function saveDownload(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Released after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
