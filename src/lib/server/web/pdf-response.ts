/** A PDF to download, named. */
export function pdfDownload(pdf: Buffer, fileName: string): Response {
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
}
