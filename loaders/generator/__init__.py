"""Seeded generators: people and relationships around real assets, a synthetic Wales, and
the Wales-scale benchmark data set."""
