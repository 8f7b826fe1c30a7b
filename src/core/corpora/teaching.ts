/**
 * A small English teaching corpus written for this project (about 5,000 tokens), built so that
 * word groups form visible clusters within seconds of training.
 *
 * Words of one group fill the same slots of the same sentence frames ("the … sat on the throne",
 * "she drank hot … in the morning", "the … chased the … across the yard"), so they share
 * contexts; different groups use different frames, so they do not. Masculine and feminine words
 * come in parallel frames ("the boy said that he …" / "the girl said that she …") to give the
 * gender direction that analogies such as king − man + woman ≈ queen rely on.
 *
 * The text was produced once by a deterministic template script and is stored here verbatim.
 * Sentences end with a full stop; paragraphs are separated by line breaks.
 */

/** The corpus text: about 680 sentences of plain ASCII. */
export const TEACHING_CORPUS: string = `The husband and the wife have a son and a daughter. The cook made apple in the kitchen. After the sun came the fog. The father and the mother raised a son and a daughter. The forest was quiet that day.
The cat ran across the field. The cloud covered the sky above the village. There was heavy storm all day. He waited three or two hours.
One years ago we moved away. We saw a wild tiger near the sheep. The tea was too sweet to drink. The forecast said wind and storm for tomorrow.
The cow ran across the field. The fog covered the sky above the village. There were six people in the room. He ate some cake for lunch. A glass of cold coffee stood on the table. People from the farm came to the river. The daughter said that she was tired.
The mother said that she was tired. He is a father and she is a mother. The woman poured a cup of water. The cook made rice in the kitchen. The coffee was too sweet to drink.
The prince is the son of a king and the princess is the daughter of a queen. The wind covered the sky above the village. The old woman told her story again. The door was painted white. Green is a bright colour.
The prince and the princess walked home together. The door was painted blue. There were five people in the room. The old husband told his story again. The boy poured a cup of wine. There were seven people in the room.
We waited for the cloud to stop. She likes juice more than milk. He is a kind son and everyone likes him. She likes wine more than tea. Seven plus six is more than seven.
The man and the woman walked home together. A small market lies beyond the town. The wall turned from black to red. She counted from eight to two. A small city lies beyond the village. He is a husband and she is a wife. The husband and the wife have a son and a daughter.
The forecast said sun and cloud for tomorrow. The wolf ran across the field. The lion made a loud noise at night. The daughter spoke to the son and he listened. The prince is a man and the princess is a woman.
The storm kept us at home. The black flowers grew next to the green ones. The cat made a loud noise at night. Yellow is a bright colour. The road to the river was long.
We waited for the rain to stop. The wind covered the sky above the village. The wolf made a loud noise at night. The prince is a man and the princess is a woman. The rain kept us at home.
The fox made a loud noise at night. The husband and the wife have a son and a daughter. My brother and my sister visited our mother. The snow covered the sky above the village. He drank hot juice in the morning. The princess and the prince lived in the palace.
One years ago we moved away. The queen sat on the throne in the palace. She wore a brown dress and a blue scarf. We walked to the school in the afternoon. The king gave the crown to the queen. The wall turned from green to white. The king wore the golden crown.
The daughter smiled because she was happy. The queen walked through the halls of the palace. The girl spoke to the boy and he listened. She ate some meat for lunch. The sun came over the hills in the evening.
A small town lies beyond the farm. She ate some egg for lunch. The king is a man and the queen is a woman. The husband lost his hat on the way home. The king is the son of a king and the queen is the daughter of a queen.
The sister said that she was tired. He waited nine or five hours. The queen and the king lived in the palace. The tiger slept in the barn. We had meat and apple for dinner. He likes coffee more than water. He waited four or three hours.
The red flowers grew next to the blue ones. The juice was too sweet to drink. After the snow came the wind. He chose the brown paint over the yellow paint. We waited for the cloud to stop. The rain kept us at home. He is a brother and she is a sister.
After the storm came the sun. In the palace the prince placed the crown on his head. He ate some soup for lunch. He chose the black paint over the blue paint. The old wife told her story again.
The clock struck ten. The door was painted black. We waited for the snow to stop. The old woman told her story again. The cake was fresh and tasty. The milk was too sweet to drink.
The door was painted white. She is a kind daughter and everyone likes her. The brown flowers grew next to the green ones. The king walked through the halls of the palace.
The storm kept us at home. The tea was too sweet to drink. The goat and the lion drank from the river. She drank hot milk in the morning. The cloud covered the sky above the village.
A glass of cold juice stood on the table. The wife poured a cup of water. She counted from six to five. A small village lies beyond the city. The young woman laughed at her own joke. The people bowed before the prince and the throne. The sister smiled because she was happy.
The king and the queen walked home together. The king walked through the halls of the palace. The dog chased the goat across the yard. The princess walked through the halls of the palace. The prince and the princess shared the throne.
They travelled from the village to the forest. She likes water more than tea. The door was painted red. We waited for the wind to stop. We walked to the market in the afternoon. The fox and the lion drank from the river. The snow kept us at home.
One plus seven is more than one. A plate of soup was on the table. The cat slept in the barn. The door was painted yellow. We drink coffee or juice with breakfast.
He waited three or nine hours. After the rain came the sun. The brown flowers grew next to the white ones. He chose the black paint over the blue paint. The girl bought egg and cheese at the market.
He chose the white paint over the brown paint. The wife spoke to the husband and he listened. There were eight people in the room. She wore a yellow dress and a red scarf. A small farm lies beyond the town.
The rice was fresh and tasty. The meat was fresh and tasty. He is a kind boy and everyone likes him. Green is a bright colour. She cut the bread with a knife. A small river lies beyond the city. We saw a wild horse near the cow.
People from the school came to the forest. The tiger ran across the field. He waited one or four hours. The wolf chased the horse across the yard. We waited for the fog to stop.
He chose the blue paint over the red paint. Nine years ago we moved away. The door was painted white. A glass of cold wine stood on the table. The daughter smiled because she was happy. The mother bought apple and rice at the market.
The cook made cheese in the kitchen. The goat slept in the barn. The forecast said sun and cloud for tomorrow. The princess wore the golden crown. The prince spoke to the princess and she listened. The queen and the king lived in the palace.
People from the city came to the market. The fox slept in the barn. The road to the village was long. We drink tea or juice with breakfast. After the wind came the snow. Ten plus seven is more than ten. Three plus two is more than three.
A glass of cold coffee stood on the table. The cow ran across the field. The king gave the crown to the queen. Eight years ago we moved away. The king is a man and the queen is a woman. The old father told his story again. The wine was too sweet to drink.
We drink tea or coffee with breakfast. She counted from three to four. A glass of cold wine stood on the table. The son said that he was tired. One plus seven is more than one. The husband lost his hat on the way home.
She wore a yellow dress and a green scarf. The rain came over the hills in the evening. The cook made cake in the kitchen. The juice was too sweet to drink.
The husband and the wife have a son and a daughter. The queen sat on the throne in the palace. She counted from ten to six. She cut the egg with a knife.
The storm came over the hills in the evening. The rain came over the hills in the evening. The queen walked through the halls of the palace. He is a kind father and everyone likes him. He is a boy and she is a girl. The husband and the wife have a son and a daughter.
The princess and the prince lived in the palace. The prince walked through the halls of the palace. The sister lost her hat on the way home. The princess said that she would keep the crown.
There was heavy fog all day. The wall turned from black to green. The princess ruled the kingdom from the palace. The sheep slept in the barn. The king ruled the kingdom from the palace.
The husband bought cake and apple at the market. The black flowers grew next to the brown ones. The cook made rice in the kitchen. The wall turned from blue to red. Her husband is my brother and his wife is my sister.
The wall turned from yellow to white. The clock struck eight. The prince is a man and the princess is a woman. She ate some soup for lunch. A hungry dog looked for food.
White is a bright colour. She counted from two to five. The brother spoke to the sister and she listened. We drink milk or juice with breakfast. The wolf made a loud noise at night.
We waited for the storm to stop. Her husband is my brother and his wife is my sister. The brother smiled because he was happy. The husband and the wife have a son and a daughter. The answer is six and not nine.
The fog kept us at home. The king ruled the kingdom from the palace. The daughter bought apple and egg at the market. We had cake and cheese for dinner. One plus seven is more than one. The woman smiled because she was happy.
The prince wore the golden crown. The sister bought rice and bread at the market. He waited three or two hours. The wife said that she was tired. The door was painted green. The man bought meat and soup at the market. A hungry cow looked for food.
A small town lies beyond the farm. The queen said that she would keep the crown. The prince left the throne and the palace at night. He cut the egg with a knife. The cook made cake in the kitchen.
The people bowed before the prince and the throne. After the wind came the cloud. In the palace the king placed the crown on his head. The cat and the fox drank from the river. We had apple and soup for dinner. Four plus five is more than four.
The princess and the prince lived in the palace. The water was too sweet to drink. The door was painted yellow. The princess sat on the throne in the palace. The clock struck ten. The prince is the son of a king and the princess is the daughter of a queen.
The farmer fed the horse and the tiger. The snow kept us at home. In the palace the princess placed the crown on her head. The mother bought meat and rice at the market. The king gave the crown to the queen.
A small river lies beyond the market. The princess said that she would keep the crown. The tiger ran across the field. The door was painted blue. The clock struck four. There was heavy rain all day.
Brown is a bright colour. We had rice and apple for dinner. People from the farm came to the school. There were eight people in the room. There were three people in the room. The young daughter laughed at her own joke.
The king gave the crown to the queen. The woman poured a cup of coffee. There were one people in the room. People from the forest came to the town. The fox made a loud noise at night.
Blue is a bright colour. They travelled from the village to the city. She is a kind girl and everyone likes her. A glass of cold coffee stood on the table. The king is a man and the queen is a woman. She wore a green dress and a yellow scarf.
The cook made cheese in the kitchen. The goat chased the dog across the yard. The sun came over the hills in the evening. There were six people in the room. We drink milk or juice with breakfast. A plate of egg was on the table.
The cat and the wolf drank from the river. He ate some meat for lunch. The lion and the horse drank from the river. The prince ruled the kingdom from the palace. He chose the white paint over the yellow paint. A plate of cake was on the table.
The wife said that she was tired. She wore a black dress and a blue scarf. The queen and the king lived in the palace. The fox made a loud noise at night.
The father and the mother walked home together. He cut the bread with a knife. The dog chased the goat across the yard. The cheese was fresh and tasty. He likes water more than wine. The old man told his story again.
There was heavy wind all day. The sister bought soup and meat at the market. She wore a green dress and a red scarf. The king gave the crown to the queen.
The queen walked through the halls of the palace. The king ruled the kingdom from the palace. We walked to the market in the afternoon. The princess wore the golden crown.
He is a man and she is a woman. After the wind came the fog. A hungry cat looked for food. The young mother laughed at her own joke. The brown flowers grew next to the yellow ones.
The young father laughed at his own joke. The clock struck two. The woman said that she was tired. The village was quiet that day. The cloud came over the hills in the evening. There was heavy rain all day. The horse chased the sheep across the yard.
The door was painted brown. We drink water or tea with breakfast. He likes juice more than wine. The apple was fresh and tasty. The snow kept us at home.
The queen ruled the kingdom from the palace. After the rain came the fog. The queen spoke to the king and he listened. The people bowed before the queen and the throne. He is a son and she is a daughter. He chose the black paint over the red paint. We saw a wild lion near the wolf.
The son helped his father and the daughter helped her mother. The boy smiled because he was happy. The young mother laughed at her own joke. We had egg and soup for dinner. The white flowers grew next to the green ones. The road to the town was long. A plate of rice was on the table.
The man said that he was tired. The prince gave the crown to the princess. The school was quiet that day. We walked to the farm in the afternoon. The dog made a loud noise at night. They travelled from the forest to the river.
A hungry fox looked for food. My brother and my sister visited our mother. The clock struck ten. The queen sat on the throne in the palace. The storm kept us at home.
There was heavy sun all day. The cloud covered the sky above the village. The milk was too sweet to drink. The forecast said snow and fog for tomorrow.
He chose the red paint over the black paint. She is a kind sister and everyone likes her. The goat and the horse drank from the river. The wind covered the sky above the village. The queen and the king lived in the palace.
The tiger made a loud noise at night. She counted from one to nine. The sheep ran across the field. The king gave the crown to the queen. The people bowed before the king and the throne.
The prince ruled the kingdom from the palace. The boy said that he was tired. The wolf slept in the barn. We walked to the town in the afternoon. The husband and the wife have a son and a daughter. They travelled from the school to the market. A small farm lies beyond the forest.
He waited five or four hours. The people bowed before the queen and the throne. The road to the river was long. The old father told his story again. The wife bought cake and cheese at the market. The king said that he would keep the crown. The king said that he would keep the crown.
The princess walked through the halls of the palace. The clock struck six. We drink water or tea with breakfast. The brother spoke to the sister and she listened. He drank hot milk in the morning. My brother and my sister visited our mother.
The village was quiet that day. The storm kept us at home. The queen said that she would keep the crown. The forecast said cloud and rain for tomorrow. The blue flowers grew next to the green ones. The fox made a loud noise at night. We had cake and meat for dinner.
The young brother laughed at his own joke. One plus three is more than one. The wind covered the sky above the village. She ate some apple for lunch. The cat and the dog drank from the river.
We drink coffee or wine with breakfast. A plate of rice was on the table. People from the city came to the school. The people bowed before the princess and the throne. Four years ago we moved away.
The princess and the prince lived in the palace. We waited for the sun to stop. He is a prince and she is a princess. He chose the white paint over the yellow paint.
Five plus two is more than five. The boy and the girl walked home together. The egg was fresh and tasty. A man and a woman sat at the table.
A hungry goat looked for food. The lion and the cow drank from the river. Six years ago we moved away. The prince is a man and the princess is a woman.
She ate some apple for lunch. She counted from nine to ten. The son smiled because he was happy. The clock struck one. He ate some cheese for lunch. The princess and the prince lived in the palace. He likes coffee more than milk.
The road to the market was long. The brown flowers grew next to the red ones. The king is the son of a king and the queen is the daughter of a queen. After the fog came the sun. The young son laughed at his own joke. We walked to the school in the afternoon.
The farmer fed the sheep and the horse. She drank hot tea in the morning. The prince is a man and the princess is a woman. We saw a wild lion near the cat. They travelled from the farm to the river.
The forest was quiet that day. He chose the brown paint over the yellow paint. The road to the market was long. The young woman laughed at her own joke. The mother poured a cup of wine. The people bowed before the prince and the throne. She wore a green dress and a white scarf.
The forecast said storm and cloud for tomorrow. A father and a mother sat at the table. The husband and the wife have a son and a daughter. We had cake and bread for dinner. The old boy told his story again. The answer is eight and not three.
The wind came over the hills in the evening. The king is a man and the queen is a woman. She ate some egg for lunch. The black flowers grew next to the blue ones. There were six people in the room. The farmer fed the dog and the fox.
We walked to the farm in the afternoon. The king wore the golden crown. The king is the son of a king and the queen is the daughter of a queen. A plate of rice was on the table. He chose the brown paint over the black paint. The wolf and the goat drank from the river. We waited for the fog to stop.
The door was painted white. She cut the cake with a knife. A king and a queen sat at the table. He waited five or ten hours. The queen sat on the throne in the palace.
The farmer fed the tiger and the cow. The farmer fed the dog and the cow. The prince wore the golden crown. A husband and a wife sat at the table.
He waited seven or four hours. The wife poured a cup of milk. The son helped his father and the daughter helped her mother. He ate some bread for lunch.
We drink tea or wine with breakfast. He cut the meat with a knife. The cloud kept us at home. The farmer fed the cat and the fox. The snow covered the sky above the village. We waited for the sun to stop. The answer is one and not seven.
A plate of cheese was on the table. The princess ruled the kingdom from the palace. Yellow is a bright colour. The people bowed before the prince and the throne. She counted from ten to six. The goat made a loud noise at night. She ate some egg for lunch.
The prince is a man and the princess is a woman. The sheep slept in the barn. A small school lies beyond the river. Five plus nine is more than five. The wolf and the lion drank from the river. The door was painted green. They travelled from the forest to the city.
The young wife laughed at her own joke. The prince sat on the throne in the palace. The father bought bread and cake at the market. He ate some meat for lunch. The king gave the crown to the queen. The road to the village was long. Four plus eight is more than four.
The son smiled because he was happy. The son spoke to the daughter and she listened. We waited for the cloud to stop. The king left the throne and the palace at night. The clock struck two. The wolf made a loud noise at night. They travelled from the river to the town.
The queen left the throne and the palace at night. The farmer fed the lion and the fox. Green is a bright colour. The market was quiet that day. He is a brother and she is a sister. We had rice and cheese for dinner.
The sheep chased the goat across the yard. The tiger ran across the field. The white flowers grew next to the brown ones. The sister smiled because she was happy. The prince spoke to the princess and she listened. He waited eight or two hours.
The dog and the cow drank from the river. The cook made apple in the kitchen. The father and the mother walked home together. The cake was fresh and tasty. We had soup and bread for dinner. The queen sat on the throne in the palace. The wolf and the cat drank from the river.
The king left the throne and the palace at night. She drank hot juice in the morning. He likes juice more than coffee. People from the forest came to the city. She wore a yellow dress and a red scarf.
The father and the mother raised a son and a daughter. The cheese was fresh and tasty. The prince gave the crown to the princess. The apple was fresh and tasty.
They travelled from the village to the city. The girl smiled because she was happy. A plate of meat was on the table. Green is a bright colour. The prince walked through the halls of the palace.
He waited three or four hours. He likes wine more than milk. The lion made a loud noise at night. The man said that he was tired. The wife bought soup and egg at the market. The husband and the wife have a son and a daughter. The tiger ran across the field.
The answer is ten and not seven. The king is the son of a king and the queen is the daughter of a queen. The king spoke to the queen and she listened. The farm was quiet that day. The son said that he was tired. The sister poured a cup of water. The road to the town was long.
The forecast said wind and fog for tomorrow. He chose the blue paint over the black paint. We drink tea or milk with breakfast. The cow slept in the barn. She wore a yellow dress and a red scarf. The cook made soup in the kitchen.
The king gave the crown to the queen. A small forest lies beyond the market. There were six people in the room. She is a kind sister and everyone likes her. The goat and the sheep drank from the river. A husband and a wife sat at the table. Brown is a bright colour.
The cook made egg in the kitchen. She wore a red dress and a yellow scarf. The water was too sweet to drink. He ate some meat for lunch. He is a son and she is a daughter.
The white flowers grew next to the blue ones. The queen and the king lived in the palace. He is a boy and she is a girl. She ate some cheese for lunch.
The daughter lost her hat on the way home. The tiger slept in the barn. We saw a wild cat near the wolf. People from the town came to the school. She counted from one to five. The princess sat on the throne in the palace. The brother lost his hat on the way home.
The farmer fed the lion and the goat. The father lost his hat on the way home. The man and the woman walked home together. The princess and the prince lived in the palace.
The cow and the horse drank from the river. After the storm came the rain. He drank hot coffee in the morning. The tea was too sweet to drink. A hungry dog looked for food. Two plus six is more than two. Brown is a bright colour.
The sister spoke to the brother and he listened. The city was quiet that day. The son said that he was tired. A glass of cold wine stood on the table. He is a kind husband and everyone likes him.
We had cheese and soup for dinner. The dog made a loud noise at night. He chose the yellow paint over the blue paint. The boy smiled because he was happy.
A plate of apple was on the table. The people bowed before the prince and the throne. The husband and the wife have a son and a daughter. Seven years ago we moved away. She counted from five to four. The coffee was too sweet to drink. We had bread and egg for dinner.
The young woman laughed at her own joke. The cook made rice in the kitchen. The cheese was fresh and tasty. The king spoke to the queen and she listened.
The king walked through the halls of the palace. The princess and the prince lived in the palace. The sheep chased the cat across the yard. They travelled from the market to the farm. A glass of cold coffee stood on the table. We saw a wild cow near the lion.
The queen said that she would keep the crown. The fox slept in the barn. She counted from three to eight. He waited nine or ten hours. The young father laughed at his own joke. The wall turned from white to green.
In the palace the queen placed the crown on her head. She counted from three to one. The apple was fresh and tasty. The man lost his hat on the way home.
He chose the black paint over the red paint. The woman spoke to the man and he listened. The people bowed before the king and the throne. We drink juice or milk with breakfast. The queen ruled the kingdom from the palace.
He ate some egg for lunch. We had soup and cake for dinner. She wore a brown dress and a blue scarf. The queen and the king lived in the palace. The king is the son of a king and the queen is the daughter of a queen. The farmer fed the horse and the wolf. The wife poured a cup of wine.
The forecast said cloud and wind for tomorrow. The girl bought cheese and rice at the market. A small river lies beyond the forest. The princess ruled the kingdom from the palace. The king and the queen shared the throne. The cook made meat in the kitchen.
The tiger and the horse drank from the river. The egg was fresh and tasty. The clock struck five. She wore a yellow dress and a black scarf. The goat slept in the barn.
The princess spoke to the prince and he listened. Green is a bright colour. She cut the soup with a knife. The clock struck ten. The prince sat on the throne in the palace. The man said that he was tired.
`;

/** The word groups of the corpus, for colouring points by group. Every word occurs in the text. */
export const TEACHING_GROUPS: Record<string, string[]> = {
  royalty: ['king', 'queen', 'prince', 'princess', 'throne', 'crown', 'palace'],
  family: [
    'man',
    'woman',
    'boy',
    'girl',
    'he',
    'she',
    'father',
    'mother',
    'son',
    'daughter',
    'brother',
    'sister',
    'husband',
    'wife',
  ],
  animals: ['dog', 'cat', 'horse', 'cow', 'sheep', 'lion', 'tiger', 'wolf', 'fox', 'goat'],
  food: ['bread', 'cheese', 'apple', 'soup', 'rice', 'cake', 'egg', 'meat'],
  drinks: ['coffee', 'tea', 'milk', 'juice', 'water', 'wine'],
  weather: ['rain', 'snow', 'wind', 'sun', 'storm', 'cloud', 'fog'],
  numbers: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  colours: ['red', 'blue', 'green', 'yellow', 'white', 'black', 'brown'],
  places: ['city', 'village', 'town', 'farm', 'forest', 'river', 'market', 'school'],
};
