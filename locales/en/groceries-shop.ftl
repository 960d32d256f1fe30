## Shops and staff: group buying
