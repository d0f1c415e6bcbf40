"""Patient registry screens: the searchable list, the table model behind it, the new/edit dialog."""
