"""``factdb`` command line: a thin layer over :mod:`factdb.pipeline` and :mod:`factdb.serve`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress

from . import db as database
from . import pipeline

app = typer.Typer(help="factdb: facts from news articles, each with its evidence.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Schema migrations (Alembic).", no_args_is_help=True)
app.add_typer(db_app, name="db")

err = Console(stderr=True)

DbOption = typer.Option(
    None, "--db", envvar="FACTDB_DB", help="SQLite file (default ./factdb.db).",
)


def _db(path: Optional[Path]) -> Path:
    return Path(path) if path else database.default_db_path()


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _with_progress(paths: list[Path], run):
    files = pipeline.article_paths(paths)
    if len(files) < 10 or not err.is_terminal:
        return run(None)
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        return run(lambda _path: progress.advance(task))


def _summary(report: pipeline.IngestReport) -> None:
    err.print(
        f"{len(report.added)} added, {len(report.skipped)} already stored; "
        f"{report.facts} facts, {report.history} changes recorded",
        highlight=False,
    )


@app.command()
def build(
    db: Optional[Path] = DbOption,
    seeds: Path = typer.Option(database.seeds_dir(), help="Folder with articles/ and curated/."),
) -> None:
    """Create or upgrade the database and load the seed articles and curated facts."""
    try:
        report = _with_progress([seeds / "articles"],
                                lambda tick: pipeline.build(_db(db), seeds, tick))
    except Exception as exc:  # noqa: BLE001 - one line for any failure
        _fail(exc)
    _summary(report)


@app.command()
def ingest(
    files: list[Path] = typer.Argument(..., help="Article files (.txt, .md, .html) or folders."),
    db: Optional[Path] = DbOption,
    curated: Optional[Path] = typer.Option(
        None, help="Curated folder to apply (default: the one the database was built with)."),
) -> None:
    """Add articles to the database, one transaction per document."""
    try:
        report = _with_progress(files, lambda tick: pipeline.ingest(_db(db), files, curated, tick))
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
    _summary(report)


@app.command()
def export(
    format: str = typer.Option("csv", "--format", "-f", help="csv, json or ndjson."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="Only this fact type."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File (default stdout)."),
    db: Optional[Path] = DbOption,
) -> None:
    """Print rows of the facts view."""
    path = _db(db)
    try:
        if format not in pipeline.EXPORT_FORMATS:
            raise ValueError(f"unknown format {format!r}; choose one of csv, json, ndjson")
        from .store import migrate

        migrate(path)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = pipeline.export(path, format, out, type)
            err.print(f"{count} rows written to {output}", highlight=False)
        else:
            pipeline.export(path, format, sys.stdout, type)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Folder of gold YAML files, one per article."),
    articles: Path = typer.Argument(..., help="Folder holding the articles the gold names."),
    kind: Optional[list[str]] = typer.Option(None, "--kind", "-k", help="Only this fact type (repeatable)."),
    errors: bool = typer.Option(False, "--errors", help="Also list every miss and false positive."),
) -> None:
    """Score extraction against hand-annotated gold: precision and recall per kind."""
    from .evaluate import evaluate as score

    try:
        report = score(gold, articles, kinds=kind or None)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
    typer.echo(str(report) if errors else report.table())


@app.command()
def serve(
    db: Optional[Path] = DbOption,
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8001, help="Port to listen on."),
    seeds: Path = typer.Option(database.seeds_dir(),
                               help="Seeds used when the database is missing."),
) -> None:
    """Serve the database read-only with Datasette (building it first if missing)."""
    from .serve import serve as run

    path = _db(db)
    try:
        if not path.exists():
            _summary(pipeline.build(path, seeds))
        else:
            from .store import migrate

            migrate(path)
        run(path, host=host, port=port)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head"), db: Optional[Path] = DbOption) -> None:
    """Migrate the database to REVISION (default: head), then refresh views and search."""
    from .store import connect, refresh_derived

    try:
        database.upgrade(_db(db), revision)
        sqlite = connect(_db(db))
        refresh_derived(sqlite)
        sqlite.close()
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


@db_app.command("downgrade")
def db_downgrade(revision: str = typer.Argument(...), db: Optional[Path] = DbOption) -> None:
    """Migrate the database down to REVISION ("base" removes every table)."""
    try:
        database.downgrade(_db(db), revision)
    except Exception as exc:  # noqa: BLE001
        _fail(exc)


@db_app.command("current")
def db_current(db: Optional[Path] = DbOption) -> None:
    """Print the database's revision and the newest one available."""
    try:
        typer.echo(f"current: {database.current_revision(_db(db))}")
        typer.echo(f"head:    {database.head_revision()}")
    except Exception as exc:  # noqa: BLE001
        _fail(exc)
