"""The Literature room: search the personal paper library, read a paper, import files."""
