#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data directory (as POSTGRES_USER,
# the owner role that runs the migrations). Creates the role the application connects as: a
# member of yiyang_runtime, which the migrations grant row access to (ADR 014).
set -eu
: "${APP_DB_PASSWORD:?set APP_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE yiyang_runtime NOLOGIN;
CREATE ROLE yiyang_app LOGIN PASSWORD :'app_password' IN ROLE yiyang_runtime;
SQL
