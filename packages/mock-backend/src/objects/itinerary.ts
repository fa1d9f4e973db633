import { placesIn } from '../scenarios/places.ts';

export interface ItineraryActivity {
  time: string;
  name: string;
  notes: string;
}

export interface Itinerary {
  destination: string;
  days: { day: number; title: string; activities: ItineraryActivity[] }[];
  budget: { currency: string; total: number };
}

const DAYS = [
  {
    title: 'Arrival and the old town',
    activities: [
      { time: '10:00', name: 'Check in and drop the bags', notes: 'Most hotels hold luggage before check-in.' },
      { time: '13:00', name: 'Walking tour of the old town', notes: 'Comfortable shoes; about three hours.' },
      { time: '19:30', name: 'Dinner at a local tavern', notes: 'Book ahead on weekends.' },
    ],
  },
  {
    title: 'Museums and markets',
    activities: [
      { time: '09:30', name: 'City history museum', notes: 'Free entry before 11:00 on Sundays.' },
      { time: '12:30', name: 'Lunch at the covered market', notes: 'Try the daily special.' },
      { time: '16:00', name: 'Viewpoint at sunset', notes: 'Arrive early for a good spot.' },
    ],
  },
  {
    title: 'A day trip out of town',
    activities: [
      { time: '08:45', name: 'Train to the coast', notes: 'Buy a return ticket at the station.' },
      { time: '11:00', name: 'Beach and seaside walk', notes: 'Bring sunscreen.' },
      { time: '18:00', name: 'Seafood dinner by the harbour', notes: 'Cash is handy in small places.' },
    ],
  },
  {
    title: 'Last looks and departure',
    activities: [
      { time: '09:00', name: 'Breakfast at a café', notes: 'Pastries sell out by ten.' },
      { time: '11:00', name: 'Souvenir shopping', notes: 'Local ceramics travel well when wrapped.' },
      { time: '15:00', name: 'Transfer to the airport', notes: 'Allow an hour for the trip.' },
    ],
  },
];

/** 3 days, or 4 when the prompt asks for 4 or more ("a 5-day trip" gets the 4 the mock knows). */
function dayCount(prompt: string): number {
  const asked = Number(/(\d+)[\s-]*days?\b/i.exec(prompt)?.[1] ?? 3);
  return asked >= 4 ? 4 : 3;
}

/** A 3–4 day itinerary for the place the prompt names (Lisbon when it names none). */
export function mockItinerary(prompt = ''): Itinerary {
  const count = dayCount(prompt);
  return {
    destination: placesIn(prompt)[0] ?? 'Lisbon',
    days: DAYS.slice(0, count).map((day, index) => ({ day: index + 1, title: day.title, activities: day.activities })),
    budget: { currency: 'EUR', total: 180 * count },
  };
}
