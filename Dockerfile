# Elchi: multi-stage, slim, non-root. Catalogs are compiled here; migrations run at start.
FROM python:3.11-slim AS build
ENV UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=/app/.venv UV_COMPILE_BYTECODE=1
RUN pip install --no-cache-dir "uv==0.13.9"
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
COPY bot ./bot
RUN uv sync --locked --no-dev
COPY locales ./locales
COPY babel.cfg ./
RUN .venv/bin/python -m bot.i18n.derive && .venv/bin/pybabel compile -d locales -D messages
# The project's own modules compiled here too (UV_COMPILE_BYTECODE covers the libraries only):
# the image runs as a user who cannot write them, so each process would compile them again.
RUN .venv/bin/python -m compileall -q bot

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 elchi
WORKDIR /app
COPY --from=build /app /app
COPY advisories ./advisories
# In a container both listen on all its interfaces; docker-compose.yml decides what is
# published: the public page to the host's loopback, /metrics only on the internal network.
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 LOG_FORMAT=json \
    METRICS_LISTEN=0.0.0.0:8081 PAGE_LISTEN=0.0.0.0:8082
USER elchi
EXPOSE 8080 8081 8082
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-m", "bot.telegram.health", "check"]
ENTRYPOINT ["elchi"]
CMD ["run"]
