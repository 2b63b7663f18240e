Console.WriteLine("showcase");
