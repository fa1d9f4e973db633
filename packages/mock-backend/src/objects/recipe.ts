export interface Recipe {
  title: string;
  servings: number;
  ingredients: { item: string; quantity: number; unit: string }[];
  steps: string[];
}

type Dish = Omit<Recipe, 'servings'>;

// Quantities for four servings.
const PANCAKES: Dish = {
  title: 'Fluffy pancakes',
  ingredients: [
    { item: 'flour', quantity: 200, unit: 'g' },
    { item: 'milk', quantity: 300, unit: 'ml' },
    { item: 'eggs', quantity: 2, unit: 'pieces' },
    { item: 'sugar', quantity: 2, unit: 'tbsp' },
    { item: 'baking powder', quantity: 2, unit: 'tsp' },
    { item: 'butter', quantity: 30, unit: 'g' },
  ],
  steps: [
    'Whisk the flour, sugar and baking powder in a bowl.',
    'Beat the eggs into the milk, then stir them into the flour until just combined.',
    'Melt a little butter in a pan over medium heat.',
    'Pour in a ladle of batter and cook until bubbles appear, about two minutes.',
    'Flip and cook one minute more, then serve warm.',
  ],
};

const PASTA: Dish = {
  title: 'Tomato and basil spaghetti',
  ingredients: [
    { item: 'spaghetti', quantity: 400, unit: 'g' },
    { item: 'ripe tomatoes', quantity: 600, unit: 'g' },
    { item: 'garlic', quantity: 2, unit: 'cloves' },
    { item: 'olive oil', quantity: 3, unit: 'tbsp' },
    { item: 'fresh basil', quantity: 1, unit: 'bunch' },
    { item: 'salt', quantity: 1, unit: 'tsp' },
  ],
  steps: [
    'Bring a large pot of salted water to the boil.',
    'Chop the tomatoes and slice the garlic thinly.',
    'Warm the olive oil, add the garlic and cook for one minute without browning.',
    'Add the tomatoes and simmer for 10 minutes until saucy.',
    'Cook the spaghetti until al dente, then toss it with the sauce.',
    'Tear in the basil, season and serve at once.',
  ],
};

/** Servings the prompt asks for ("for 2", "serves 6", "8 servings"); 4 otherwise. */
function servingsIn(prompt: string): number {
  const match = /\b(?:for|serves)\s+(\d+)|\b(\d+)\s+(?:servings|people|portions)\b/i.exec(prompt);
  const servings = Number(match?.[1] ?? match?.[2] ?? 4);
  return servings >= 1 && servings <= 24 ? servings : 4;
}

/** Pancakes when the prompt asks for them, else a tomato pasta, scaled to the servings it asks for. */
export function mockRecipe(prompt = ''): Recipe {
  const dish = /pancake/i.test(prompt) ? PANCAKES : PASTA;
  const servings = servingsIn(prompt);
  return {
    title: dish.title,
    servings,
    ingredients: dish.ingredients.map((ingredient) => ({ ...ingredient, quantity: Math.round(((ingredient.quantity * servings) / 4) * 10) / 10 })),
    steps: dish.steps,
  };
}
