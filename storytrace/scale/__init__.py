"""Scale: the ingest, clean and analyze stages run on a Ray cluster; linking and storing stay in the driver."""
