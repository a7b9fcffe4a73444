"""PostgreSQL full-text search over agreements: per-language stemming, ranked, indexed.

PostgreSQL only (SQLite skips every step and keeps the normalized substring match):

- `agreements_search_vector(text)`: the normalized search document under the Arabic,
  French and English configurations, so that each language's words are stemmed by its
  own rules (and other languages' words pass through as they are);
- `search_vector`, a stored generated column of it that Django does not manage (the model
  keeps `search_document` as the single source; PostgreSQL recomputes the vector on every
  write), with a GIN index;
- a trigram index on `search_document`, for the substring match of `search.matching()`,
  when the `pg_trgm` extension can be created (it is a trusted extension);
- a partial index in the lists' order (latest signed first, unknown dates last) over the
  published agreements, so that a page of results is read from the index rather than
  sorted out of the whole table. It belongs in Agreement.Meta.indexes once the model
  can take it (the expression ordering is portable); it is here because this migration
  is the public site's only one.
"""

from django.db import migrations

FORWARD = [
    """
    CREATE OR REPLACE FUNCTION agreements_search_vector(document text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT to_tsvector('pg_catalog.arabic'::regconfig, coalesce(document, ''))
            || to_tsvector('pg_catalog.french'::regconfig, coalesce(document, ''))
            || to_tsvector('pg_catalog.english'::regconfig, coalesce(document, ''))
    $$
    """,
    """
    ALTER TABLE agreements_agreement ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (agreements_search_vector(search_document)) STORED
    """,
    "CREATE INDEX agreement_search_vector_idx ON agreements_agreement USING gin (search_vector)",
    """
    CREATE INDEX agreement_published_order_idx ON agreements_agreement
        (signed_on DESC NULLS LAST, id) WHERE status = 'published'
    """,
    """
    DO $$
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'pg_trgm cannot be created here: substring search will not be indexed';
    END $$
    """,
    """
    DO $$
    BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            CREATE INDEX agreement_search_document_trgm_idx
                ON agreements_agreement USING gin (search_document gin_trgm_ops);
        END IF;
    END $$
    """,
]

BACKWARD = [
    "DROP INDEX IF EXISTS agreement_published_order_idx",
    "DROP INDEX IF EXISTS agreement_search_document_trgm_idx",
    "DROP INDEX IF EXISTS agreement_search_vector_idx",
    "ALTER TABLE agreements_agreement DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS agreements_search_vector(text)",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0003_editor_roles"),
    ]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
