"""mirrorclean as datatrove pipeline blocks: clean pages inside a FineWeb-style pipeline.

datatrove (the engine FineWeb was built with) runs a list of blocks on N tasks with a Local, Slurm or Ray
executor. This module adds:

* `WarcPageReader`, `PageReader`: readers that keep each page's raw bytes (and the HTTP charset), so the
  page is decoded by mirrorclean exactly as `mirrorclean clean` decodes it. datatrove's own `WarcReader`
  decodes the bytes itself (UTF-8, else cchardet, and drops what fails); its documents are accepted too.
* `MirrorcleanStep`: cleans every document with the function the CLI uses (`runner.process_document` over
  `runner.clean_one`) and yields one `Document` per record: `text` is the clean text, `metadata` holds the
  other record fields as the CLI writes them. Rejects are dropped, counted as `dropped_<reason>` in the
  task's stats, and optionally written (`rejects=` a writer).
* `RecordWriter`: a `JsonlWriter` that writes the record (or reject) fields, byte for byte as the CLI does.

Needs the `datatrove` extra (`pip install 'mirrorclean[datatrove]'`). Near-duplicate `cluster` ids are
assigned within a task (in input order, as the CLI does within a run); corpus-wide deduplication is
datatrove's own MinHash stages. docs/corpus.md shows a Local, Ray and Slurm run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import json
import posixpath
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from datatrove.data import Document, DocumentsPipeline, Media, MediaType
from datatrove.io import DataFolderLike
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.pipeline.writers.jsonl import JsonlWriter
from fsspec.implementations.local import LocalFileSystem

from cleaners import CleanOptions, Record, Reject
from cleaners.dedup import NearDuplicates
from mirrorclean import inputs, runner

#: The fields of a record and of a reject, in the order the CLI writes them.
RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Record))
REJECT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Reject))

#: The id of the Media entry that carries a page's raw bytes from a mirrorclean reader to the step.
RAW_MEDIA_ID = "mirrorclean:raw"

#: Payload types a WARC response may have to be cleaned (a missing Content-Type is cleaned too).
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


# --------------------------------------------------------------------------- raw pages in datatrove documents


def to_datatrove(doc: inputs.Document, doc_id: str | None = None) -> Document:
    """Wrap a mirrorclean input document (raw bytes) as a datatrove Document.

    The bytes travel in a Media entry (`RAW_MEDIA_ID`), which datatrove's writers drop unless asked to
    keep media bytes; `text` stays empty until the step cleans it.

    >>> d = to_datatrove(inputs.Document("a.html", b"<p>hi</p>", "html", url="http://x.cn/a"))
    >>> d.id, d.text, d.media[0].media_bytes, from_datatrove(d) == inputs.Document("a.html", b"<p>hi</p>", "html", url="http://x.cn/a")
    ('a.html', '', b'<p>hi</p>', True)
    """
    info = {"source": doc.source, "kind": doc.kind, "http_charset": doc.http_charset, "error": doc.error,
            "reason": doc.reason}
    media = Media(id=RAW_MEDIA_ID, type=MediaType.DOCUMENT, url=doc.url or "", media_bytes=doc.data, metadata=info)
    return Document(text="", id=doc_id or doc.source, media=[media], metadata={"source": doc.source})


def from_datatrove(document: Document) -> inputs.Document:
    """The mirrorclean input a datatrove Document stands for.

    From a mirrorclean reader: its raw bytes and what was known about them. From any other reader
    (datatrove's `WarcReader`, `JsonlReader` …): `text` is the page, already decoded, and the url and
    source come from the metadata (`source`, else `url`, else the document id).

    >>> from_datatrove(Document(text="<html>…", id="<urn:uuid:1>", metadata={"url": "http://x.cn/a"}))
    Document(source='http://x.cn/a', data='<html>…', kind=None, url='http://x.cn/a', http_charset=None, error=None, continuations=(), reason='unreadable')
    """
    for media in document.media:
        if media.id == RAW_MEDIA_ID:
            info = media.metadata
            return inputs.Document(info["source"], media.media_bytes or b"", info.get("kind"), url=media.url or None,
                                   http_charset=info.get("http_charset"), error=info.get("error"),
                                   reason=info.get("reason") or "unreadable")
    meta = document.metadata
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    source = meta.get("source") if isinstance(meta.get("source"), str) else None
    # a str goes to the cleaner as is: it was decoded already (the record's `encoding` then says utf-8)
    return inputs.Document(source or url or str(document.id), document.text, None, url=url)  # type: ignore[arg-type]


def _source_prefix(data_folder: DataFolderLike, given: str | None) -> str:
    """How sources name the folder: as the caller wrote it (like the CLI's PATH arguments)."""
    if given is not None:
        return given
    if isinstance(data_folder, str):
        return data_folder
    path = getattr(data_folder, "path", None)
    return path if isinstance(path, str) else str(data_folder)


# --------------------------------------------------------------------------- readers


class PageReader(BaseDiskReader):
    """Read saved pages (.html, .htm, .txt, each optionally .gz) from a folder, one document per file.

    Evidence: the file name (which files are pages, and html or text), the bytes as stored. Local folders
    are read with `mirrorclean.inputs` (a FIFO, device or oversized file is a reject, never a hang); other
    filesystems through fsspec with the same size cap. `source` is `source_prefix` (default: the folder as
    given) joined with the file's relative path, as `mirrorclean clean FOLDER` names it.
    """

    name = "📄 mirrorclean pages"

    def __init__(self, data_folder: DataFolderLike, *, source_prefix: str | None = None, max_bytes: int = inputs.MAX_BYTES,
                 **kwargs: Any) -> None:
        super().__init__(data_folder, **kwargs)
        self.source_prefix = _source_prefix(data_folder, source_prefix)
        self.max_bytes = max_bytes

    def read_file(self, filepath: str) -> DocumentsPipeline:
        if not inputs.wanted(posixpath.basename(filepath)):
            self.stat_update("skipped_not_a_page")
            return
        source = posixpath.join(self.source_prefix, filepath)
        with self.track_time():
            if isinstance(self.data_folder.fs, LocalFileSystem):
                doc = inputs.read_file(self.data_folder.resolve_paths(filepath), source, max_bytes=self.max_bytes)
            else:
                try:
                    with self.data_folder.open(filepath, "rb", compression=None) as fh:
                        doc = inputs.read_stdin(fh, max_bytes=self.max_bytes, source=source)
                except OSError as exc:
                    doc = inputs.Document(source, b"", error=str(exc))
                doc = dataclasses.replace(doc, kind=inputs.kind_of(filepath))
        yield to_datatrove(doc)


class WarcPageReader(BaseDiskReader):
    """Read the HTML and text responses of WARC files (.warc, .warc.gz) with their raw bytes.

    A local WARC is read by `mirrorclean.inputs.read_warc`, the CLI's reader (pages named `FILE#offset`,
    HTML 2xx responses only, the skipped records counted as `skipped_<why>`). A WARC on another filesystem
    is read as follows.

    Evidence: the WARC record type (`response`, `resource`), the payload's Content-Type (HTML and XHTML are
    cleaned as HTML, as the crawler does, plain text as a text dump, a page with none by its content; images,
    scripts and requests are skipped and counted), its charset
    parameter (passed on as the HTTP charset), WARC-Target-URI (the fetch URL; one without a scheme is taken
    as http and still has its HTTP headers read, which warcio skips). Each page is a document
    named `FILE#N` (the N-th page of the file); a WARC that breaks off mid-way adds one `unreadable`
    document for the rest of it, and the pages before it are kept.
    """

    name = "🕷 mirrorclean WARC"
    _requires_dependencies = ["warcio"]

    def __init__(self, data_folder: DataFolderLike, *, source_prefix: str | None = None, max_bytes: int = inputs.MAX_BYTES,
                 compression: str | None = "infer", **kwargs: Any) -> None:
        super().__init__(data_folder, **kwargs)
        self.source_prefix = _source_prefix(data_folder, source_prefix)
        self.max_bytes = max_bytes
        self.compression = compression

    def read_file(self, filepath: str) -> DocumentsPipeline:
        path = posixpath.join(self.source_prefix, filepath)
        if isinstance(self.data_folder.fs, LocalFileSystem):
            # a local WARC is read by the CLI's own reader: same pages, same `path#offset` names, same rejects
            skipped: Counter[str] = Counter()
            for doc in inputs.read_warc(self.data_folder.resolve_paths(filepath), path, max_bytes=self.max_bytes,
                                        skipped=skipped):
                if doc.error is not None and "WARC broken" in doc.error:
                    self.stat_update("broken_warc")
                yield to_datatrove(doc)
            for reason, count in skipped.items():
                self.stat_update("skipped_" + reason.replace(" ", "_"), value=count)
            return
        yield from self._read_remote(filepath, path)

    def _read_remote(self, filepath: str, path: str) -> DocumentsPipeline:
        """A WARC on another filesystem (s3://, hf:// ...), through fsspec and warcio; pages named `FILE#N`."""
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        n = 0
        try:
            with self.data_folder.open(filepath, "rb", compression=self.compression) as fh:
                for record in ArchiveIterator(fh):
                    page = self._page(record, path, n + 1)
                    if page is None:
                        continue
                    n += 1
                    yield to_datatrove(page, record.rec_headers.get_header("WARC-Record-ID") or page.source)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
            self.stat_update("broken_warc")
            detail = f"broken WARC after {n} pages: {type(exc).__name__}: {exc}"[:500]
            yield to_datatrove(inputs.Document(inputs.member_source(path, n + 1), b"", error=detail))

    def _page(self, record: Any, path: str, n: int) -> inputs.Document | None:
        """The page a WARC record holds, or None (and a count) when it holds no page."""
        if record.rec_type not in ("response", "resource"):
            return None
        headers = record.http_headers
        if headers is None and (record.rec_headers.get_header("Content-Type") or "").startswith("application/http"):
            # warcio parses the HTTP headers only under an http(s) target URI: read them here for the others
            from warcio.statusandheaders import StatusAndHeadersParser

            headers = record.http_headers = StatusAndHeadersParser([], verify=False).parse(record.raw_stream)
        ctype = (headers.get_header("Content-Type") if headers is not None else None) \
            or record.rec_headers.get_header("Content-Type") or ""
        if ctype and not ctype.split(";")[0].strip().lower().startswith(PAGE_TYPES):
            self.stat_update("skipped_not_a_page")
            return None
        source = inputs.member_source(path, n)
        url = record.rec_headers.get_header("WARC-Target-URI")
        if url and "://" not in url and not url.startswith(("urn:", "dns:")):
            url = "http://" + url  # a fetch URL without its scheme (host/path): what was fetched is http
        charset = _CHARSET_RE.search(ctype)
        kind = "text" if ctype.lower().startswith("text/plain") else "html" if ctype else None  # as the crawler does
        with self.track_time():
            data = record.content_stream().read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            return inputs.Document(source, b"", kind, url=url,
                                   error=f"larger than {self.max_bytes // (1024 * 1024)} MiB")
        return inputs.Document(source, data, kind, url=url, http_charset=charset.group(1) if charset else None)


# --------------------------------------------------------------------------- the cleaning step


class MirrorcleanStep(PipelineStep):
    """Clean each document into a mirrorclean record; drop (and count, and optionally write) the rejects.

    Evidence: the page's bytes (from `PageReader`/`WarcPageReader`) or text (any other reader), its URL
    and HTTP charset; cleaned by `runner.process_document`, the CLI's own call, so the records are the
    CLI's. Each record becomes a Document whose `text` is the clean text and whose metadata holds every
    other record field (and the input's own metadata, under the record's); `cluster` ids are assigned
    within the task, in input order. Stats: `forwarded`, `dropped`, `dropped_<reason>`, `spam_pages`.
    """

    name = "🧹 mirrorclean"
    type = "🛢 - EXTRAC"

    def __init__(self, options: CleanOptions | None = None, *, timeout: float = runner.DEFAULT_TIMEOUT,
                 clusters: bool = True, rejects: JsonlWriter | None = None) -> None:
        super().__init__()
        self.options = options or CleanOptions()
        self.timeout = timeout
        self.clusters = clusters
        self.rejects = rejects

    def clean(self, document: Document) -> Record | Reject:
        """The record (or reject) for one datatrove document; never raises."""
        try:
            doc = from_datatrove(document)
        except Exception as exc:  # noqa: BLE001 - a malformed document is a reject, not a dead task
            return Reject(str(document.id), "error", detail=f"cannot read the document: {type(exc).__name__}: {exc}")
        return runner.process_document(doc, self.options, self.timeout, runner.clean_one)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        clusters = NearDuplicates() if self.clusters else None
        with self.rejects if self.rejects is not None else contextlib.nullcontext():
            for document in data or ():
                with self.track_time():
                    result = self.clean(document)
                if isinstance(result, Reject):
                    self.stat_update("dropped", f"dropped_{result.reason}")
                    if self.rejects is not None:
                        self.rejects.write(reject_document(result, document), rank)
                    continue
                out = record_document(result, document, clusters)
                self.stat_update("forwarded")
                if result.is_spam_page:
                    self.stat_update("spam_pages")
                self.update_doc_stats(out)
                yield out


def record_document(record: Record, document: Document, clusters: NearDuplicates | None = None) -> Document:
    """A record as a datatrove Document (cluster assigned as `runner.Writer` does)."""
    fields = record.to_dict()
    if clusters is not None:
        key = fields.get("url") or fields["source"]
        fields["cluster"], fields["cluster_similarity"] = clusters.add(key, fields.get("text") or "")
    text = fields.pop("text")
    kept = {k: v for k, v in document.metadata.items() if k not in RECORD_FIELDS}
    return Document(text=text, id=document.id, metadata=kept | fields)


def reject_document(reject: Reject, document: Document) -> Document:
    """A reject as a datatrove Document (empty text; the reject's fields in metadata)."""
    return Document(text="", id=document.id, metadata={"mirrorclean_reject": True, **reject.to_dict()})


# --------------------------------------------------------------------------- writing records


def record_adapter(writer: Any, document: Document) -> dict[str, Any]:
    """A datatrove writer adapter: the record (or reject) fields of a step's Document, in the CLI's order.

    >>> record_adapter(None, Document(text="正文。", id="1", metadata={"source": "a.html", "date": "x"}))["text"]
    '正文。'
    """
    meta = document.metadata
    if meta.get("mirrorclean_reject"):
        return {name: meta.get(name) for name in REJECT_FIELDS}
    return {name: document.text if name == "text" else meta.get(name) for name in RECORD_FIELDS}


class RecordWriter(JsonlWriter):
    """Write the step's records (or rejects) as JSON Lines exactly as `mirrorclean clean` writes them.

    Evidence: the Documents' text and metadata (`record_adapter`); each line is `runner.json_line`, the
    CLI's own encoder (UTF-8, Chinese not escaped, a lone surrogate falls back to \\u escapes).
    """

    name = "🐿 mirrorclean records"

    def __init__(self, output_folder: DataFolderLike, output_filename: str | None = None,
                 compression: str | None = "gzip", **kwargs: Any) -> None:
        kwargs.setdefault("adapter", record_adapter)
        super().__init__(output_folder, output_filename=output_filename, compression=compression, **kwargs)

    def _write(self, document: dict, file_handler: IO, _filename: str) -> None:
        file_handler.write(runner.json_line(document))


def iter_records(documents: DocumentsPipeline) -> Iterator[dict[str, Any]]:
    """The record dicts of a step's output (for use outside an executor, e.g. in a notebook)."""
    for document in documents or ():
        yield record_adapter(None, document)


def read_written(folder: str | Path) -> list[dict[str, Any]]:
    """Every line a RecordWriter (or any JsonlWriter) wrote to a local folder: `.jsonl` and `.jsonl.gz` files in
    name order, as one list (what a run's output holds, for checks and benchmarks)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(Path(folder).glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh]
    return rows
