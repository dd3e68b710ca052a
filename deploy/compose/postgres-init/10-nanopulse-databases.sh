#!/bin/bash
# Runs once, on the first start of an empty data volume: one login role and one database per service,
# each role the owner of its database and unable to connect to the others.
set -euo pipefail
for svc in metrics alerts gateway; do
  var="${svc^^}_DB_PASSWORD"
  # psql's :"name" / :'value' quoting keeps the password out of the SQL text and the process list.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v role="$svc" -v pw="${!var}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"role" OWNER :"role";
REVOKE CONNECT, TEMPORARY ON DATABASE :"role" FROM PUBLIC;
SQL
done
