"""Search by stems, the same on SQLite and PostgreSQL (agreements.search).

Every search document is rebuilt as the stems of its texts (with the kind's names and
the parties' and signatories' other spellings), the correction vocabulary is filled, and
on PostgreSQL the stored vector is remade from the same tokens under the `simple`
configuration, so that its lexemes are exactly the stored stems. The trigram index on the
document is dropped (nothing searches it by substring any more); one on the vocabulary
serves the typo correction when `pg_trgm` is there, and one per kind a query may name
keeps that kind first without sorting every match.
"""

from django.db import migrations

KINDS_FIRST = ("mou", "protocol", "declaration_of_intent")

BEFORE = [
    "DROP INDEX IF EXISTS agreement_search_vector_idx",
    "DROP INDEX IF EXISTS agreement_search_document_trgm_idx",
    "ALTER TABLE agreements_agreement DROP COLUMN IF EXISTS search_vector",
    """
    CREATE OR REPLACE FUNCTION agreements_search_vector(document text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT to_tsvector('pg_catalog.simple'::regconfig, coalesce(document, ''))
    $$
    """,
]

AFTER = [
    """
    ALTER TABLE agreements_agreement ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (agreements_search_vector(search_document)) STORED
    """,
    "CREATE INDEX agreement_search_vector_idx ON agreements_agreement USING gin (search_vector)",
    # A query naming a kind lists that kind first, newest first: read along these indexes
    # when it matches many agreements (agreements.search.order_by_relevance).
    *(
        f"""
        CREATE INDEX agreement_{kind}_first_idx ON agreements_agreement
            ((kind = '{kind}') DESC, signed_on DESC NULLS LAST, id) WHERE status = 'published'
        """
        for kind in KINDS_FIRST
    ),
    """
    DO $$
    BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            CREATE INDEX agreement_search_word_trgm_idx
                ON agreements_searchword USING gin (word gin_trgm_ops);
        END IF;
    END $$
    """,
]


# Back to 0004's vector (the documents keep their stems, which the previous code's
# substring match still finds most words in).
UNDO = [
    *(f"DROP INDEX IF EXISTS agreement_{kind}_first_idx" for kind in KINDS_FIRST),
    "DROP INDEX IF EXISTS agreement_search_word_trgm_idx",
    "DROP INDEX IF EXISTS agreement_search_vector_idx",
    "ALTER TABLE agreements_agreement DROP COLUMN IF EXISTS search_vector",
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
    DO $$
    BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            CREATE INDEX IF NOT EXISTS agreement_search_document_trgm_idx
                ON agreements_agreement USING gin (search_document gin_trgm_ops);
        END IF;
    END $$
    """,
]


def undo(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in UNDO:
            schema_editor.execute(statement)


def rebuild(apps, schema_editor):
    from agreements.search import refresh_search_documents

    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        for statement in BEFORE:
            schema_editor.execute(statement)
    refresh_search_documents(apps=apps)
    if postgres:
        for statement in AFTER:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0009_search_words"),
        ("partners", "0003_aliases"),
    ]

    operations = [migrations.RunPython(rebuild, undo, elidable=False)]
